using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.Drain;
using Steps.Drivers;
using Steps.Assertions;

namespace Steps.Supervision;

/// <summary>Drains started by the operator.</summary>
[Binding]
public sealed class DrainSteps(PoolDriver pools, LeaseDriver leases, DrainDriver drains)
{
    [When("the operator drains pool {word} within {int} seconds")]
    [Given("the operator is draining pool {word} within {int} seconds")]
    public void Drains(string pool, int seconds) => drains.Drain(pool, TimeSpan.FromSeconds(seconds));

    [When("the operator attempts to drain pool {word} within {int} seconds")]
    public void AttemptsDrain(string pool, int seconds) => drains.AttemptDrain(pool, TimeSpan.FromSeconds(seconds));

    [Then("the drain is refused with {string}")]
    public void Refused(string message) => drains.DrainRefusal.ShouldRead(message, "the drain should be refused");

    [Then("the drain of pool {word} is logged without a warning")]
    public void NoWarning(string pool)
    {
        var started = pools.Logger.WithEvent("DrainStarted").Should().ContainSingle($"the drain of pool {pool} should log that it started").Subject;
        started.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Information, $"a drain of pool {pool} with no active lease has nothing to warn about");
        started["PoolId"].Should().Be(pool, "the entry should name the pool");
    }

    [Then("a warning says pool {word} is draining with {int} active leases")]
    public void Warning(string pool, int leases)
    {
        var warning = pools.Logger.WithEvent("DrainStarted").Should().ContainSingle($"the drain of pool {pool} should log that it started").Subject;
        warning.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Warning, $"a drain of pool {pool} with active leases should warn");
        warning["PoolId"].Should().Be(pool, "the warning should name the pool");
        warning["ActiveLeases"].Should().Be(leases, $"the warning should count the {leases} active leases");
    }

    [Then("the drain of pool {word} completes in {int} seconds")]
    public async Task Completes(string pool, int seconds)
    {
        var outcome = await drains.LastDrainAsync();
        outcome.Should().Match<DrainOutcome>(o => o.PoolId == pool && o.Status == DrainStatus.Completed, $"the drain of pool {pool} should complete");
        outcome.Duration.Should().Be(TimeSpan.FromSeconds(seconds), $"the drain of pool {pool} should take {seconds} s");
    }

    [Then("the drain of pool {word} abandons the {int} leases still held")]
    public async Task Abandons(string pool, int count)
    {
        var outcome = await drains.LastDrainAsync();
        outcome.Status.Should().Be(DrainStatus.ForceStopped, $"the drain of pool {pool} should force-stop the engine");
        outcome.AbandonedLeases.Should().HaveCount(count, $"the drain of pool {pool} should abandon {count} leases")
            .And.Equal(leases.HeldLeaseIds(pool), "the abandoned leases should be the ones the clients still hold");
    }

    [Then("the runtime.drain.duration histogram of pool {word} records {int} seconds for a {word} drain")]
    public async Task Histogram(string pool, int seconds, string outcome)
    {
        await drains.LastDrainAsync();
        pools.Metrics.For("runtime.drain.duration", pool).Select(m => (m.Value, m.Tag("drain.status")))
            .Should().Equal([((double)seconds, outcome.Replace('-', '_'))], $"pool {pool} should measure its {outcome} drain once, {seconds} s long");
    }

    [Then("the log says the drain of pool {word} completed in {int} seconds")]
    public async Task LogsCompletion(string pool, int seconds)
    {
        await drains.LastDrainAsync();
        pools.Logger.WithEvent("DrainCompleted").Select(e => $"pool {e["PoolId"]} drained in {e["DurationMs"]} ms")
            .Should().Equal([$"pool {pool} drained in {seconds * 1000} ms"], $"the drain of pool {pool} should log its end");
    }

    [Then("the log says, as an error, that the deadline of pool {word} passed with {int} active leases, force-stopping the engine")]
    public async Task LogsDeadline(string pool, int leases)
    {
        await drains.LastDrainAsync();
        pools.Logger.WithEvent("DrainDeadlinePassed").Select(e => $"{e.Level}: pool {e["PoolId"]}, {e["ActiveLeases"]} active leases: {e["Action"]}")
            .Should().Equal([$"Error: pool {pool}, {leases} active leases: force-stopping the engine"], $"the deadline of pool {pool} should be logged as an error");
    }

    [Then("the second drain of pool {word} has joined the first: both still wait, under the first drain's {int}-second deadline")]
    public void SameDrain(string pool, int deadline)
    {
        drains.DrainAttempts.Should().HaveCount(2, $"the operator drained pool {pool} twice");
        drains.DrainAttempts[1].Should().BeSameAs(drains.DrainAttempts[0], $"the second drain of pool {pool} should join the first, and end with it");
        drains.DrainAttempts[0].IsCompleted.Should().BeFalse($"the first drain's {deadline}-second deadline applies, not the second's");
    }
}
