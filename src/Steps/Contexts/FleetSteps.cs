using System.Globalization;
using FluentAssertions;
using Reqnroll;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;
using Steps.Drivers;

namespace Steps.Contexts;

/// <summary>Many tenants at once, creations racing for a limit, and contexts made and disposed by the hundred thousand.</summary>
[Binding]
public sealed class FleetSteps(ContextDriver contexts, IReqnrollOutputHelper output)
{
    private int _stillHeld;

    [Given("{int} tenants each have a context with a budget of {size}, room for {int} requests of {size} at once")]
    public void GivenTenants(int count, ByteCount memory, int concurrent, ByteCount each)
    {
        memory.Bytes.Should().Be(concurrent * each.Bytes, $"a budget with room for {concurrent} requests of {each.Bytes} bytes holds {concurrent * each.Bytes} bytes");
        contexts.CreateTenants(count, memory.Bytes, concurrent);
    }

    [When("{int} threads each run {int} requests needing {size} on every tenant's context")]
    public void WhenRunOnEveryTenant(int threads, int perTenant, ByteCount memory) => contexts.RunOnEveryTenant(threads, perTenant, memory.Bytes);

    [Then("the tenants' contexts count their requests:")]
    public void ThenTenantsCount(Table counts)
    {
        var named = counts.Rows.Where(r => contexts.Tenants.Contains(r["tenant"])).ToDictionary(r => r["tenant"]);
        var healthy = counts.Rows.Single(r => r["tenant"] == "each healthy tenant");
        foreach (var tenant in contexts.Tenants)
        {
            var row = named.GetValueOrDefault(tenant, healthy);
            var expected = new { Requests = long.Parse(row["requests"], CultureInfo.InvariantCulture), Successes = long.Parse(row["successes"], CultureInfo.InvariantCulture), Failures = long.Parse(row["failures"], CultureInfo.InvariantCulture) };
            contexts.Context(tenant).Counters.Should().BeEquivalentTo(expected, $"{tenant} should count {expected}");
            contexts.Tally(tenant).Should().BeEquivalentTo(expected, o => o.ExcludingMissingMembers(), $"the threads should have seen {expected} on {tenant}");
        }
    }

    [Then("no tenant's context has had more than {size} in use")]
    public void ThenNoBudgetOvershot(ByteCount limit) =>
        contexts.Tenants.Where(t => contexts.Context(t).Counters.PeakBytes > limit.Bytes)
            .Should().BeEmpty($"no tenant may ever use more than its {ByteSize.Format(limit.Bytes)}");

    [Then("only the context of {word} is faulted")]
    public void ThenOnlyFaulted(string faulty) =>
        contexts.Tenants.ToDictionary(t => t, t => contexts.Context(t).State)
            .Should().Equal(contexts.Tenants.ToDictionary(t => t, t => t == faulty ? ContextState.Faulted : ContextState.Active), $"a fault in {faulty} should touch no other tenant");

    [Then("no other tenant's request failed in its backend")]
    public void ThenNoOtherBackendFailure()
    {
        var faulty = contexts.Tenants.Single(t => contexts.Context(t).State == ContextState.Faulted);
        contexts.Tenants.Where(t => t != faulty && contexts.Tally(t).BackendFailures > 0)
            .Should().BeEmpty($"only {faulty}'s backend fails");
        contexts.Tally(faulty).BackendFailures.Should().BePositive($"{faulty}'s requests should meet its failing backend");
    }

    [When("{int} threads attempt {int} creations of contexts with a budget of {size} for tenant {word} at once")]
    [Given("{int} threads attempted {int} creations of contexts with a budget of {size} for tenant {word} at once")]
    public void WhenCreationsRace(int threads, int creations, ByteCount memory, string tenant) => contexts.RaceCreations(threads, creations, tenant, memory.Bytes);

    [Then("exactly {long} creations are granted and the other {long} are refused for the tenant limit")]
    public void ThenCreationsGranted(long granted, long refused)
    {
        contexts.CreationRace.Granted.Should().Be(granted, "the tenant limit should be reached exactly, never overshot");
        contexts.CreationRace.Refused.Should().Equal(new Dictionary<ContextCreationError, long> { [ContextCreationError.TenantLimitReached] = refused });
    }

    [Then("the factory has {int} live contexts")]
    public void ThenFactoryLive(int count) => contexts.Factory.LiveContexts.Should().Be(count, "a refused creation leaves no context behind");

    [When("tenant {word} disposes one of its contexts")]
    public void WhenDisposesOne(string tenant) => contexts.DisposeOneOf(tenant);

    [When("tenant {word} creates and disposes {int} contexts one after another")]
    public void WhenCreatesAndDisposes(string tenant, int count)
    {
        _stillHeld = contexts.CreateAndDispose(count, tenant);
        output.WriteLine($"disposed contexts still reachable after {count:N0} were created and disposed: {_stillHeld:N0}");
    }

    [Then("the factory has 0 live contexts, 0 bytes reserved and 0 trace subscriptions")]
    public void ThenNothingLive()
    {
        contexts.Factory.LiveContexts.Should().Be(0);
        contexts.Factory.ReservedMemoryBytes.Should().Be(0);
        contexts.Traces.Subscriptions.Should().Be(0);
    }

    [Then("none of the disposed contexts is still held in memory")]
    public void ThenNoneHeld() =>
        _stillHeld.Should().Be(0, "nothing may keep a disposed context reachable");
}
