using System.Globalization;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using Reqnroll;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Pools;
using Steps.Drivers;
using Steps.Assertions;

namespace Steps.Supervision;

/// <summary>The restart policies as the supervisor of real engines applies them, and the operator's controls over it.</summary>
[Binding]
public sealed class SupervisedRestartSteps(PoolDriver pools, EngineDriver engines, StormDriver storms)
{
    [Given("pool {word} serves {word} with a circuit opening after {int} crashes in a row")]
    public Task ServesWithCircuit(string pool, string model, int failures)
    {
        storms.OpenCircuitAfter(failures);
        return pools.ServeAsync(pool, model);
    }

    [Given("pool {word} serves {word} with driver errors on a circuit of their own")]
    public Task ServesWithDriverCircuit(string pool, string model)
    {
        storms.DriverErrorsOnTheirOwnCircuit();
        return pools.ServeAsync(pool, model);
    }

    [When("the engine of pool {word} logs a CUDA error {int} times in a row")]
    public Task LogsCudaErrors(string pool, int times) => storms.KillRepeatedlyAsync(pool, StormDriver.DriverError, times);

    [Given("pool {word} serves again on a new engine")]
    public async Task ServesAgain(string pool)
    {
        await pools.WaitUntil(() => pools.Pool(pool).Snapshot() is { Ready: true } s && s.Pid != pools.ServedEngine(pool).Pid, $"pool {pool} to serve on a new engine");
        pools.RememberEngine(pool);
    }

    [Then("the supervisor reports the {word} circuit of pool {word} as {word}")]
    public void SupervisorNamedCircuit(string circuit, string pool, string state) =>
        pools.Metrics.Observe("runtime.circuit_breaker.state", pool).Where(m => m.Tag("circuit") == circuit).Select(m => CircuitGauge.StateName(m.Value))
            .Should().Equal([state], $"the supervisor's {circuit} circuit of pool {pool} should be {state}");

    [Given("the engine of pool {word} was killed by {word} {int} times in a row")]
    public Task WasKilledRepeatedly(string pool, string signal, int times) => storms.KillRepeatedlyAsync(pool, signal, times);

    [When("the engine of pool {word} is killed by the out-of-memory killer {int} times in a row")]
    public Task KilledByOomRepeatedly(string pool, int times) => storms.KillRepeatedlyAsync(pool, StormDriver.OomKiller, times);

    [Given("the circuit of pool {word} opened after {int} crashes in a row and its probe engine serves")]
    public async Task ProbeServes(string pool, int crashes)
    {
        await storms.KillRepeatedlyAsync(pool, "SIGSEGV", crashes);
        await pools.WaitUntil(() => pools.Pool(pool).State == PoolState.Failed, $"pool {pool} to stop on its open circuit");
        pools.Clock.Pass(TimeSpan.FromSeconds(300));
        await pools.WaitUntil(() => pools.Pool(pool).Snapshot().Ready, $"the probe engine of pool {pool} to serve");
        pools.RememberEngine(pool);
    }

    [Then("pool {word} is restarting on no engine")]
    public void RestartingOnNoEngine(string pool)
    {
        var s = pools.Pool(pool).Snapshot();
        s.State.Should().Be(PoolState.Restarting, $"pool {pool} should wait for its restart ({s.LastError})");
        s.Live.Should().BeFalse();
        pools.Supervisor!.EngineOf(pool).Should().BeNull($"pool {pool} should run no engine before its backoff delay has passed");
    }

    [Then("{int} engine(s) has/have been started for pool {word} in all: {engineStarts}")]
    public void EnginesStarted(int count, string pool, EngineStarts starts)
    {
        starts.Total.Should().Be(count, $"{starts.Text} make {count} engines");
        storms.EnginesStartedFor(pool).Should().Be(count, $"the supervisor should have started {count} engines for pool {pool}: {starts.Text}");
    }

    [Then("pool {word} runs no engine")]
    public void RunsNoEngine(string pool)
    {
        pools.Supervisor!.EngineOf(pool).Should().BeNull($"pool {pool} should run no engine");
        pools.Pool(pool).Snapshot().Live.Should().BeFalse();
    }

    [Then("pool {word} is stopped by its restart policies: {string}")]
    public async Task StoppedByPolicies(string pool, string error)
    {
        await pools.WaitUntil(() => pools.Pool(pool).State == PoolState.Failed, $"pool {pool} to be stopped by its restart policies");
        var s = pools.Pool(pool).Snapshot();
        s.LastError.ShouldRead(error, $"pool {pool} should say why it is stopped");
        pools.Supervisor!.EngineOf(pool).Should().BeNull($"pool {pool} should run no engine");
    }

    [Then("the supervisor reports the circuit of pool {word} as {word}")]
    public void SupervisorCircuit(string pool, string state) =>
        SupervisorNamedCircuit("general", pool, state);


    [Then("the crash event of pool {word} reads:")]
    public async Task CrashEventReads(string pool, DataTable expected)
    {
        await pools.WaitUntil(() => LastCrash(pool) is not null, $"a crash of pool {pool}");
        var crash = LastCrash(pool)!.Value;
        var fields = new Dictionary<string, string>
        {
            ["pool"] = crash.PoolId,
            ["model"] = crash.Model,
            ["engine version"] = crash.EngineVersion,
            ["uptime"] = $"{crash.Uptime.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds",
            ["exit code"] = crash.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "none",
            ["signal"] = crash.Signal ?? "none",
            ["reason"] = crash.ReasonName,
        };
        var rows = expected.Rows.Select(r => (Field: r["field"], Value: r["value"])).ToList();
        rows.Select(r => (r.Field, fields.GetValueOrDefault(r.Field, "(no such field)"))).Should().Equal(rows, $"the crash event of pool {pool} was {crash}");
    }

    [Then("a critical alert says the out-of-memory killer ended engine {word} of pool {word}")]
    public async Task OomAlert(string model, string pool)
    {
        await pools.WaitUntil(() => pools.Logger.WithEvent("OutOfMemoryKill").Count > 0, "the out-of-memory alert");
        pools.Logger.WithEvent("OutOfMemoryKill").Select(e => $"{e.Level}: pool {e["PoolId"]}, model {e["Model"]}")
            .Should().Equal([$"{LogLevel.Critical}: pool {pool}, model {model}"], "an out-of-memory kill is a critical alert naming the pool and the model");
    }

    [When("the operator resets the circuit of pool {word} as {string}")]
    public void ResetsCircuit(string pool, string correlationId) => pools.Supervisor!.ResetCircuit(pool, correlationId);

    [When("the operator allows one restart of pool {word} as {string}")]
    [Given("the operator allowed one restart of pool {word} as {string}")]
    public void AllowsOneRestart(string pool, string correlationId) =>
        pools.Supervisor!.AllowOneRestart(pool, correlationId).Should().BeTrue($"pool {pool} should be stopped by its restart policies, so one restart can be let through");

    [Then("the operator's {operatorAction} pool {word} is logged with correlation id {string}")]
    public void OperatorActionLogged(string action, string pool, string correlationId) =>
        pools.Logger.WithEvent("OperatorAction").Select(e => $"{e["Action"]} of pool {e["PoolId"]} as {e["CorrelationId"]}")
            .Should().Equal([$"{action} of pool {pool} as {correlationId}"], "every operator action is logged with its pool and correlation id");

    [Then("the runtime.restart.rate gauge of pool {word} still reads {int}")]
    public void RestartRate(string pool, int restarts) =>
        pools.Metrics.Observe("runtime.restart.rate", pool).Select(m => m.Value).Should().Equal([(double)restarts], $"the restart window of pool {pool} should still hold {restarts} restarts");

    [Then("the supervisor's restart storm of pool {word} is an {word} advising {string}")]
    public void StormKind(string pool, string kind, string advice)
    {
        var storm = pools.Logger.WithEvent("RestartStorm").Should().ContainSingle($"pool {pool} should have one restart storm").Subject;
        storm["PoolId"].Should().Be(pool, "the storm alert should name the pool it stopped");
        storm["StormKind"].Should().Be(kind, $"the storm of pool {pool} should be classified by its crashes");
        storm["Remediation"].Should().Be(advice, $"the storm alert of pool {pool} should carry its advice as a field of its own");
    }

    private CrashEvent? LastCrash(string pool) => engines.CrashesOf(pool) is { Count: > 0 } crashes ? crashes[^1] : null;
}
