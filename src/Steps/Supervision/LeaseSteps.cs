using Reqnroll;
using FluentAssertions;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>Leases the clients hold on pools.</summary>
[Binding]
public sealed class LeaseSteps(PoolDriver pools)
{
    [Given("pool {word} holds {int} lease(s)")]
    public void Holds(string pool, int count) => pools.Hold(pool, count);

    [When("a client attempts to lease pool {word}")]
    public void AttemptsLease(string pool) => pools.AttemptLease(pool);

    [When("the clients release every lease of pool {word}")]
    public void ReleaseAll(string pool) => pools.ReleaseAll(pool);

    [Then("the lease is refused with {string}")]
    public void Refused(string message) => pools.LeaseRefusal.Should().Be(message, "the lease should be refused");
}
