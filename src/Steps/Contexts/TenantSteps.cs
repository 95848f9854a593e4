using Reqnroll;
using FluentAssertions;
using Steps.Drivers;

namespace Steps.Contexts;

/// <summary>Tenants: how many contexts they hold, and what they may not touch.</summary>
[Binding]
public sealed class TenantSteps(ContextDriver contexts)
{
    [Given("each tenant may hold {int} live contexts")]
    public void GivenEachTenantMayHold(int limit) => contexts.AllowContextsPerTenant(limit);

    [When("tenant {word} attempts to read the counters of {word}")]
    public void WhenTenantAttemptsToReadTheCounters(string tenant, string name) => contexts.AttemptReadCounters(tenant, name);

    [When("tenant {word} attempts to read the trace of {word}")]
    public void WhenTenantAttemptsToReadTheTrace(string tenant, string name) => contexts.AttemptReadTrace(tenant, name);

    [When("tenant {word} attempts to look up {word}")]
    public void WhenTenantAttemptsToLookUp(string tenant, string name) => contexts.AttemptLookUp(tenant, name);

    [Then("tenant {word} has {int} live context(s), {size} reserved and {int} trace subscription(s)")]
    public void ThenTenantHoldsAfterDisposal(string tenant, int count, ByteCount reserved, int subscriptions)
    {
        contexts.Factory.GetLiveContextCount(tenant).Should().Be(count, $"tenant {tenant} should hold {count} live contexts");
        contexts.Factory.ReservedMemoryBytes.Should().Be(reserved.Bytes, "only the live contexts' budgets should stay reserved");
        contexts.Traces.Subscriptions.Should().Be(subscriptions, "only the live contexts should still write to the trace");
    }

    [Then("tenant {word} has {int} live context(s)")]
    public void ThenTenantHasLiveContexts(string tenant, int count) =>
        contexts.Factory.GetLiveContextCount(tenant).Should().Be(count, $"tenant {tenant} should hold {count} live contexts");
}
