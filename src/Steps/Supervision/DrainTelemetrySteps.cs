using Reqnroll;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>What a drain logs and measures.</summary>
[Binding]
public sealed class DrainTelemetrySteps(PoolDriver pools, DrainDriver drains)
{
    [Then("the drain of pool {word} is logged without a warning")]
    public void NoWarning(string pool)
    {
        var started = pools.Logger.WithEvent("DrainStarted").Should().ContainSingle($"the drain of pool {pool} should log that it started").Subject;
        started.Level.Should().Be(LogLevel.Information, $"a drain of pool {pool} with no active lease has nothing to warn about");
        started["PoolId"].Should().Be(pool, "the entry should name the pool");
    }

    [Then("a warning says pool {word} is draining with {int} active leases")]
    public void Warning(string pool, int leases)
    {
        var warning = pools.Logger.WithEvent("DrainStarted").Should().ContainSingle($"the drain of pool {pool} should log that it started").Subject;
        warning.Level.Should().Be(LogLevel.Warning, $"a drain of pool {pool} with active leases should warn");
        warning["PoolId"].Should().Be(pool, "the warning should name the pool");
        warning["ActiveLeases"].Should().Be(leases, $"the warning should count the {leases} active leases");
    }

    [Then("a warning says the drain of pool {word} was cancelled with {int} active lease(s)")]
    public Task WarnsCancelled(string pool, int leases) => LogReadsAsync(
        "DrainCancelled", e => $"{e.Level}: pool {e["PoolId"]}, {e["ActiveLeases"]} active leases",
        $"Warning: pool {pool}, {leases} active leases", $"the cancelled drain of pool {pool} should warn once");

    [Then("the runtime.drain.duration histogram of pool {word} records {int} seconds for a {word} drain")]
    public async Task Histogram(string pool, int seconds, string outcome)
    {
        await drains.LastDrainAsync();
        pools.Metrics.For("runtime.drain.duration", pool).Select(m => (m.Value, m.Tag("drain.status")))
            .Should().Equal([((double)seconds, outcome.Replace('-', '_'))], $"pool {pool} should measure its {outcome} drain once, {seconds} s long");
    }

    [Then("the log says the drain of pool {word} completed in {int} seconds")]
    public Task LogsCompletion(string pool, int seconds) => LogReadsAsync(
        "DrainCompleted", e => $"pool {e["PoolId"]} drained in {e["DurationMs"]} ms",
        $"pool {pool} drained in {seconds * 1000} ms", $"the drain of pool {pool} should log its end");

    [Then("^the log says, as an error, that the deadline of pool (\\S+) passed with (\\d+) active leases, (?:and )?(force-stopping the engine|the pool serves again)$")]
    public Task LogsDeadline(string pool, int leases, string action) => LogReadsAsync(
        "DrainDeadlinePassed", e => $"{e.Level}: pool {e["PoolId"]}, {e["ActiveLeases"]} active leases: {e["Action"]}",
        $"Error: pool {pool}, {leases} active leases: {action}",
        $"the deadline of pool {pool} should be logged as an error");

    /// <summary>Once the last drain has ended, the log holds exactly one event <paramref name="eventName"/>, which reads <paramref name="expected"/>.</summary>
    private async Task LogReadsAsync(string eventName, Func<PolicyLogEntry, string> line, string expected, string because)
    {
        await drains.LastDrainEndedAsync();
        pools.Logger.WithEvent(eventName).Select(line).Should().Equal([expected], because);
    }
}
