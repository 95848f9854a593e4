using FluentAssertions;
using NSubstitute;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Xunit;
using Runtime.Common.Telemetry;
using Runtime.Common;

namespace Runtime.Tests.Supervision;

/// <summary>
/// Rules found unpinned by mutation testing (docs/mutation.md), on real engine processes: the operator's actions and what
/// they log, a take-over, a forced stop, the log of an engine's life, and what disposing the supervisor does to engines.
/// </summary>
public sealed class SupervisorRulesTests : IDisposable
{
    private readonly SupervisorFixture _f = new(o =>
    {
        o.CircuitBreaker.FailureThreshold = 1;
        o.CircuitBreaker.OpenDuration = TimeSpan.FromSeconds(30);
    });

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task AllowOneRestart_ReadyPool_AllowsNothingAndSaysWhy()
    {
        await _f.StartReady("gpu-0");

        _f.Supervisor.AllowOneRestart("gpu-0", "c-1").Should().BeFalse();

        OperatorOutcome("allow_one_restart").Should().Be(("c-1", "nothing to allow: the pool is Ready"));
    }

    [Fact]
    public async Task AllowOneRestart_PoolStoppedByItsOpenCircuit_RestartsItOnce()
    {
        var pool = await FailedByTheCircuit();

        _f.Supervisor.AllowOneRestart("gpu-0", "c-2").Should().BeTrue();

        await PoolEvents.WaitFor(pool, s => s.State == PoolState.Ready && s.RestartCount == 1);
        OperatorOutcome("allow_one_restart").Should().Be(("c-2", "one restart let through"));
    }

    [Fact]
    public async Task ResetCircuit_PoolStoppedByItsOpenCircuit_ClosesItRestartsTheEngineAndSaysSo()
    {
        using var recorder = new Support.InstrumentRecorder(_f.Meters);
        var pool = await FailedByTheCircuit();

        _f.Supervisor.ResetCircuit("gpu-0", "c-3").Should().Be("c-3");

        await PoolEvents.WaitFor(pool, s => s.State == PoolState.Ready && s.RestartCount == 1);
        OperatorOutcome("reset_circuit").Should().Be(("c-3", "circuit closed, engine restarting"));
        recorder.Observe(TelemetryNames.CircuitState).Should().ContainSingle()
            .Which.Value.Should().Be((int)Runtime.Supervision.CircuitBreaker.CircuitState.Closed);
        recorder.For(TelemetryNames.EngineRestarts).Should().ContainSingle().Which.Tag("pool").Should().Be("gpu-0");
    }

    [Fact]
    public async Task ResetCircuit_ReadyPool_OnlyClosesTheCircuit()
    {
        await _f.StartReady("gpu-0");

        _f.Supervisor.ResetCircuit("gpu-0", "c-4");

        OperatorOutcome("reset_circuit").Should().Be(("c-4", "circuit closed"));
    }

    [Fact]
    public async Task TakeOver_RecordsTheErrorAndAppliesTheRestartPolicies()
    {
        var pool = await _f.StartReady("gpu-0");
        await _f.Supervisor.StopEngineAsync("gpu-0", force: true).WaitAsync(PoolEvents.Bound);
        pool.Transition(PoolState.Failed);

        _f.Supervisor.TakeOver("gpu-0", "reload rollback failed: no engine");

        var failed = await PoolEvents.WaitFor(pool, s => s.LastError == "restart refused: circuit open");
        failed.State.Should().Be(PoolState.Failed, "the take-over counted as the one failure the circuit allows");
        _f.Logger.WithEvent("RestartRefused").Should().ContainSingle().Which.Fields.Should().Contain("Why", "circuit open");
    }

    [Fact]
    public async Task TakeOver_WithRestartsLeft_RecordsTheErrorAndSchedulesARestart()
    {
        using var f = new SupervisorFixture();
        var pool = await f.StartReady("gpu-0");
        await f.Supervisor.StopEngineAsync("gpu-0", force: true).WaitAsync(PoolEvents.Bound);
        pool.Transition(PoolState.Failed);

        f.Supervisor.TakeOver("gpu-0", "reload rollback failed: no engine");

        var restarting = await PoolEvents.WaitForState(pool, PoolState.Restarting);
        restarting.LastError.Should().Be("startup_failure: reload rollback failed: no engine");
    }

    [Fact]
    public async Task StopEngineAsync_Forced_KillsTheEngineAndLogsIt()
    {
        await _f.StartReady("gpu-0");

        var exit = await _f.Supervisor.StopEngineAsync("gpu-0", force: true).WaitAsync(PoolEvents.Bound);

        exit!.Value.Signal.Should().Be(Signals.SIGKILL, "a forced stop does not wait for a graceful exit");
        _f.Logger.WithEvent("EngineStopped").Should().ContainSingle().Which.Fields.Should().Contain("PoolId", "gpu-0");
    }

    [Fact]
    public async Task AnEnginesLife_IsLoggedWithItsPid()
    {
        await _f.StartReady("gpu-0");
        var pid = _f.Supervisor.EngineOf("gpu-0")!.Pid;
        var said = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _f.Supervisor.EngineOutput += (_, line) =>
        {
            if (line.Text.Contains("hello from the engine", StringComparison.Ordinal))
            {
                said.TrySetResult();
            }
        };

        _f.Supervisor.EngineOf("gpu-0")!.WriteLine("log hello from the engine");
        await said.Task.WaitAsync(PoolEvents.Bound);

        _f.Logger.WithEvent("EngineStarted").Should().ContainSingle().Which.Fields.Should().Contain("Pid", pid);
        _f.Logger.WithEvent("EngineReady").Should().ContainSingle().Which.Fields.Should().Contain("Pid", pid);
        _f.Logger.WithEvent("EngineOutput").Should().Contain(e => Equals(e.Fields["Line"], "hello from the engine") && Equals(e.Fields["Pid"], pid));
    }

    [Fact]
    public async Task Dispose_KillsEveryRunningEngine()
    {
        await _f.StartReady("gpu-0");
        var engine = _f.Supervisor.EngineOf("gpu-0")!;

        _f.Supervisor.Dispose();

        (await engine.Exited.WaitAsync(PoolEvents.Bound)).Signal.Should().Be(Signals.SIGKILL);
    }

    [Fact]
    public async Task Dispose_LeavesNoTimerBehind()
    {
        var time = new Support.TimerCountingTimeProvider();
        using var f = new SupervisorFixture(o => o.TimeProvider = time);
        var pool = await f.StartReady("gpu-0");
        f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");
        await PoolEvents.WaitForState(pool, PoolState.Restarting); // a restart timer and the policies' timers are armed
        time.LiveTimers.Should().BePositive();

        f.Supervisor.Dispose();

        time.LiveTimers.Should().Be(0, "a disposed supervisor's policies and restart wake nothing up");
    }

    [Fact]
    public async Task ADisposedSupervisor_StartsNoEngine()
    {
        await _f.StartReady("gpu-0");
        _f.Supervisor.Dispose();

        await FluentActions.Awaiting(() => _f.Supervisor.StartEngineAsync("gpu-0", _f.Registry.Get("gpu-0").Spec).WaitAsync(PoolEvents.Bound)).Should()
            .ThrowAsync<ObjectDisposedException>("an engine started now would have no owner to stop it");
    }

    [Fact]
    public async Task BadArguments_AreRefused()
    {
        FluentActions.Invoking(() => new Supervisor(new PoolRegistry(), null!)).Should().Throw<ArgumentNullException>().WithParameterName("launcher");
        await FluentActions.Awaiting(() => _f.Supervisor.StartEngineAsync("gpu-0", null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("spec");
        FluentActions.Invoking(() => CorrelationIds.OrNew(" ")).Should().Throw<ArgumentException>().WithParameterName("correlationId");
    }

    [Fact]
    public void ANewCorrelationId_IsTwelveHexDigits() =>
        CorrelationIds.New().Should().MatchRegex("^[0-9a-f]{12}$");

    private async Task<Pool> FailedByTheCircuit()
    {
        var pool = await _f.StartReady("gpu-0");
        _f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");
        var failed = await PoolEvents.WaitForState(pool, PoolState.Failed);
        failed.LastError.Should().Be("restart refused: circuit open");
        return pool;
    }

    private (object? CorrelationId, object? Outcome) OperatorOutcome(string action)
    {
        var entry = _f.Logger.WithEvent("OperatorAction").Should().ContainSingle(e => Equals(e.Fields["Action"], action)).Subject;
        entry.Fields["PoolId"].Should().Be("gpu-0");
        return (entry.Fields["CorrelationId"], entry.Fields["Outcome"]);
    }
}
