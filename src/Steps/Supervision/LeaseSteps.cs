using Reqnroll;
using FluentAssertions;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>Leases the clients hold on pools.</summary>
[Binding]
public sealed class LeaseSteps(PoolDriver pools, LeaseDriver leases)
{
    [Given("pool {word} holds {int} lease(s)")]
    public void Holds(string pool, int count) => leases.Hold(pool, count);

    [When("a client attempts to lease pool {word}")]
    public void AttemptsLease(string pool) => leases.AttemptLease(pool);

    [When("the clients release every lease of pool {word}")]
    public void ReleaseAll(string pool) => leases.ReleaseAll(pool);

    [When("a client releases one lease of pool {word}")]
    public void ReleaseOne(string pool) => leases.ReleaseOne(pool);

    [Then("pool {word} has {int} active lease(s)")]
    public void ActiveLeases(string pool, int count) =>
        pools.Pool(pool).Snapshot().ActiveLeases.Should().Be(count, $"pool {pool} should count {count} active leases");

    [Then("the lease is refused with {string}")]
    public void Refused(string message) => leases.LeaseRefusal.Should().Be(message, "the lease should be refused");
}
