using Reqnroll;
using FluentAssertions;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>The health checks of a pool's engine, as the supervisor logs them (HealthCheckFailed, EngineUnhealthy).</summary>
[Binding]
public sealed class HealthCheckSteps(PoolDriver pools, EngineDriver engines)
{
    [Then("{int} health checks of pool {word} have failed in a row, and its engine is still running")]
    public async Task FailedAndStillRunning(int count, string pool)
    {
        await pools.WaitUntil(() => Failures(pool).Count >= count || Stops(pool).Count > 0, $"{count} failed health checks of pool {pool}");
        // The supervisor logs a stop before the failed check that caused it: a stop too early is seen here.
        Stops(pool).Should().BeEmpty($"the engine of pool {pool} should not be stopped after {count} failed health checks");
        Failures(pool).Should().Equal(Enumerable.Range(1, count), $"the supervisor should log the failed health checks of pool {pool}, counted 1 to {count} in a row");
        engines.CrashesOf(pool).Should().BeEmpty($"no crash of pool {pool} should be recorded after {count} failed health checks");

        pools.ServedEngine(pool).HasExited.Should().BeFalse($"the engine of pool {pool} should still run after {count} failed health checks");
    }

    /// <summary>The running counts of the failed health checks of <paramref name="pool"/>, in order.</summary>
    private List<int> Failures(string pool) => pools.Logger.WithEvent("HealthCheckFailed")
        .Where(e => Equals(e["PoolId"], pool)).Select(e => (int)e["ConsecutiveFailures"]!).ToList();

    /// <summary>Why the engine of <paramref name="pool"/> was stopped as unhealthy, if it was.</summary>
    private List<string> Stops(string pool) => pools.Logger.WithEvent("EngineUnhealthy")
        .Where(e => Equals(e["PoolId"], pool)).Select(e => e.Message).ToList();
}
