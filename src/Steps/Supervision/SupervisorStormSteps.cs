using Reqnroll;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using Runtime.Supervision.Pools;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>A restart storm as the supervisor of real engines lives it: its limit, repeated kills, the alert and the open circuit.</summary>
[Binding]
public sealed class SupervisorStormSteps(PoolDriver pools, StormDriver storms)
{
    [Given("pool {word} serves {word} with at most {int} restarts in {int} seconds")]
    public Task ServesWithAtMost(string pool, string model, int restarts, int seconds)
    {
        storms.LimitRestarts(restarts, TimeSpan.FromSeconds(seconds));
        return pools.ServeAsync(pool, model);
    }

    [When("the engine of pool {word} is killed by {word} {int} times in a row")]
    public Task KilledRepeatedly(string pool, string signal, int times) => storms.KillRepeatedlyAsync(pool, signal, times);

    [When("the engine of pool {word} is killed by {word} once more")]
    public Task KilledOnceMore(string pool, string signal) => storms.KillRepeatedlyAsync(pool, signal, 1);

    [Then("the supervisor raises a critical restart storm alert for pool {word} after {int} restarts")]
    public void RaisesAStormAlert(string pool, int restarts) =>
        pools.Logger.WithEvent("RestartStorm")
            .Select(e => $"{e.Level}: pool {e["PoolId"]} storm after {e["RestartCount"]} restarts")
            .Should().Equal([$"{LogLevel.Critical}: pool {pool} storm after {restarts} restarts"], $"the supervisor should raise one critical storm alert for pool {pool}");

    [Then("the supervisor has opened the circuit of pool {word}")]
    public void HasOpenedTheCircuit(string pool) =>
        pools.Metrics.Observe("runtime.circuit_breaker.state", pool).Select(m => $"{m.Tag("circuit")} circuit {(m.Value == 1 ? "open" : "not open")}")
            .Should().Contain("general circuit open", $"the supervisor should open the circuit of pool {pool} on its restart storm (runtime.circuit_breaker.state 1)");

    [Then("no restart of pool {word} is scheduled")]
    public void NoRestartScheduled(string pool)
    {
        var s = pools.Pool(pool).Snapshot();
        s.State.Should().Be(PoolState.Failed, $"pool {pool} should be failed, not waiting for a restart ({s.LastError})");
        pools.Metrics.For("runtime.restart.scheduled", pool).Sum(m => m.Value)
            .Should().Be(s.RestartCount, $"every restart scheduled for pool {pool} should have happened, and no other be pending");
        pools.Supervisor!.EngineOf(pool).Should().BeNull($"pool {pool} should run no engine");
    }
}
