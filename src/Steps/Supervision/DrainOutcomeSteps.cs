using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;
using Steps.Drivers;
using Steps.Assertions;

namespace Steps.Supervision;

/// <summary>How a drain ended, what the operator is told of it, and how it leaves the pool.</summary>
[Binding]
public sealed class DrainOutcomeSteps(PoolDriver pools, LeaseDriver leases, DrainDriver drains)
{
    [Then("the drain of pool {word} completes in {int} seconds")]
    public async Task Completes(string pool, int seconds)
    {
        var outcome = await drains.LastDrainAsync();
        outcome.Should().Match<DrainOutcome>(o => o.PoolId == pool && o.Status == DrainStatus.Completed, $"the drain of pool {pool} should complete");
        outcome.Duration.Should().Be(TimeSpan.FromSeconds(seconds), $"the drain of pool {pool} should take {seconds} s");
    }

    [Then("the drain of pool {word} abandons the {int} leases still held")]
    public Task Abandons(string pool, int count) => EndsAtDeadline(pool, count, DrainStatus.ForceStopped, "force-stop the engine and abandon");

    [Then("the drain of pool {word} times out with the {int} leases still held")]
    public Task TimesOut(string pool, int count) => EndsAtDeadline(pool, count, DrainStatus.TimedOut, "time out, keeping the engine, with");

    [Then("the drain of pool {word} ends cancelled, telling {string}")]
    public async Task EndsCancelled(string pool, string told)
    {
        var drain = await drains.LastDrainEndedAsync();
        drain.IsCanceled.Should().BeTrue($"the drain of pool {pool} should end cancelled, not {drain.Status}");
        var cancelled = await FluentActions.Awaiting(() => drain).Should().ThrowAsync<OperationCanceledException>();
        cancelled.Which.Message.ShouldRead(told, $"the cancelled drain of pool {pool} should say so");
    }

    [Then("the operator is told {string}")]
    public async Task Told(string told) => (await drains.LastDrainAsync()).Describe().ShouldRead(told, "the drain should tell the operator how it ended");

    [Then("pool {word} is ready again on the engine it had")]
    public async Task ReadyOnSameEngine(string pool)
    {
        await drains.LastDrainEndedAsync();
        pools.Pool(pool).Snapshot().Should().Match<PoolSnapshot>(
            s => s.State == PoolState.Ready && s.Ready && s.Live && s.Pid == drains.EngineAtStart(pool),
            $"pool {pool} should serve again, ready and live on the engine it had before the drain (process {drains.EngineAtStart(pool)})");
    }

    private async Task EndsAtDeadline(string pool, int count, DrainStatus status, string what)
    {
        var outcome = await drains.LastDrainAsync();
        outcome.Status.Should().Be(status, $"the drain of pool {pool} should {what} the leases still held");
        outcome.AbandonedLeases.Should().HaveCount(count, $"the drain of pool {pool} should count {count} leases still held")
            .And.Equal(leases.HeldLeaseIds(pool), "the leases named should be the ones the clients still hold");
    }
}
