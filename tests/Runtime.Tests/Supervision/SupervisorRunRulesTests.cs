using FluentAssertions;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision;

/// <summary>
/// Rules of one engine run found unpinned by mutation testing (docs/mutation.md), on real engine processes: a stop on
/// purpose ends what the run had scheduled, a failed engine still running is stopped (gracefully once it was supervised,
/// at once before), and an operator's start racing a scheduled restart starts one engine.
/// </summary>
public sealed class SupervisorRunRulesTests : IDisposable
{
    private static readonly TimeSpan Restart = TimeSpan.FromMinutes(10);

    // Probes only when a test moves the clock by a whole interval: a real probe that a loaded machine answers late
    // would otherwise make a running engine unhealthy while the clock moves past a restart.
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromHours(2);
    private readonly TimerCountingTimeProvider _time = new();
    private readonly SupervisorFixture _f;

    public SupervisorRunRulesTests() => _f = new SupervisorFixture(o => Configure(o));

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task AStopBeforeReady_EndsTheStartAsStopped()
    {
        _f.Register("gpu-0", "llama-7b-v1", "--never-healthy");
        var start = _f.Supervisor.StartAsync("gpu-0");

        await _f.Supervisor.StopEngineAsync("gpu-0", force: false).WaitAsync(PoolEvents.Bound);

        var result = await start.WaitAsync(PoolEvents.Bound);
        result.Ready.Should().BeFalse();
        result.Failure.Should().Be(CrashReason.GracefulExit);
        result.Error.Should().Be("stopped before it was ready");
    }

    [Fact]
    public async Task AStop_EndsTheRunsHealthMonitor()
    {
        await _f.StartReady("gpu-0");
        var running = _time.LiveTimers;

        await _f.Supervisor.StopEngineAsync("gpu-0", force: false).WaitAsync(PoolEvents.Bound);

        _time.LiveTimers.Should().Be(running - 2, "the monitor's startup timer and probe timer end with the run");
    }

    [Fact]
    public async Task AStop_CancelsARestartAlreadyScheduled()
    {
        var pool = await _f.StartReady("gpu-0");
        _f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");
        await PoolEvents.WaitForState(pool, PoolState.Restarting);

        await _f.Supervisor.StopEngineAsync("gpu-0", force: false).WaitAsync(PoolEvents.Bound);
        _time.Advance(Restart);

        _f.Supervisor.EngineOf("gpu-0").Should().BeNull("the stop on purpose wins over the restart scheduled before it");
        pool.Snapshot().RestartCount.Should().Be(0);
    }

    [Fact]
    public async Task AStop_CancelsTheWaitForTheCircuit()
    {
        var pool = await FailedByTheCircuit();
        var restarts = pool.Snapshot().RestartCount;

        await _f.Supervisor.StopEngineAsync("gpu-0", force: false).WaitAsync(PoolEvents.Bound);
        _time.Advance(TimeSpan.FromSeconds(30));

        _f.Supervisor.EngineOf("gpu-0").Should().BeNull("a half-open circuit restarts only a pool that still waits for it");
        pool.Snapshot().RestartCount.Should().Be(restarts);
    }

    [Fact]
    public async Task ACrashedRun_EndsItsHealthMonitor()
    {
        var pool = await _f.StartReady("gpu-0");
        var firstRun = _time.LiveTimers;
        _f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");
        await PoolEvents.WaitForState(pool, PoolState.Restarting);

        _time.Advance(Restart);
        await PoolEvents.WaitFor(pool, s => s.State == PoolState.Ready && s.RestartCount == 1);

        _time.LiveTimers.Should().Be(firstRun, "the crashed run's monitor ended with it; only the new run's monitor runs");
    }

    [Fact]
    public async Task ASupervisedEngineThatFailsWhileRunning_IsStoppedGracefully()
    {
        var pool = await _f.StartReady("gpu-0");
        var engine = _f.Supervisor.EngineOf("gpu-0")!;

        engine.WriteLine("log CUDA error: an illegal memory access was encountered");

        (await engine.Exited.WaitAsync(PoolEvents.Bound)).IsGraceful.Should().BeTrue("SIGTERM first: the stub honours it and exits 0");
        (await _f.CrashSeen.Task.WaitAsync(PoolEvents.Bound)).Reason.Should().Be(CrashReason.DriverError);
        pool.Snapshot().State.Should().Be(PoolState.Restarting);
    }

    [Fact]
    public async Task AnEngineThatNeverBecameReady_IsKilledWhenItsStartFails()
    {
        _f.Register("gpu-0", "llama-7b-v1", "--never-healthy");
        var start = _f.Supervisor.StartEngineAsync("gpu-0", _f.Registry.Get("gpu-0").Spec);
        var engine = _f.Supervisor.EngineOf("gpu-0")!;
        await engine.Listening.WaitAsync(PoolEvents.Bound);

        _time.Advance(StartupTimeout);

        (await start.WaitAsync(PoolEvents.Bound)).Failure.Should().Be(CrashReason.StartupFailure);
        (await engine.Exited.WaitAsync(PoolEvents.Bound)).Signal.Should().Be(Signals.SIGKILL, "an engine that never served is not given a grace period");
    }

    [Fact]
    public async Task AnOperatorsStartWhileARestartIsScheduled_StartsOneEngine()
    {
        var pool = await _f.StartReady("gpu-0");
        _f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");
        await PoolEvents.WaitForState(pool, PoolState.Restarting);
        (await _f.Supervisor.StartAsync("gpu-0").WaitAsync(PoolEvents.Bound)).Ready.Should().BeTrue();
        var engine = _f.Supervisor.EngineOf("gpu-0")!;

        _time.Advance(Restart);

        _f.Supervisor.EngineOf("gpu-0").Should().BeSameAs(engine, "the scheduled restart finds the pool started already");
        _f.Launcher.RunningPids.Should().Equal(engine.Pid);
        pool.Snapshot().RestartCount.Should().Be(0);
    }

    [Fact]
    public async Task AStartThatFailsBeforeReady_IsACrashTheRestartPoliciesHandle()
    {
        var pool = _f.Registry.Register("gpu-0", new EngineSpec("/bin/sh", ["-c", "exit 1"], "llama-7b-v1", "1.0"), new Dictionary<string, string>());

        var result = await _f.Supervisor.StartAsync("gpu-0").WaitAsync(PoolEvents.Bound);

        result.Failure.Should().Be(CrashReason.ProcessExit);
        (await PoolEvents.WaitForState(pool, PoolState.Restarting)).CrashCount.Should().Be(1);

        _time.Advance(Restart);

        var again = await PoolEvents.WaitFor(pool, s => s.State == PoolState.Restarting && s.CrashCount == 2);
        again.RestartCount.Should().Be(1, "the restarted engine is supervised too: its failure before ready is another crash");
        // Checked once the restart has happened: the supervisor logs the schedule just after the pool turns Restarting.
        _f.Logger.WithEvent("RestartScheduled").Select(e => e.Message).Should().Contain("Pool gpu-0: restart in 1 s after process_exit");
    }

    [Fact]
    public async Task AResetOfAPoolWithARestartScheduled_LeavesTheRestartToItsTime()
    {
        var pool = await _f.StartReady("gpu-0");
        _f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");
        await PoolEvents.WaitForState(pool, PoolState.Restarting);

        _f.Supervisor.ResetCircuit("gpu-0", "c-1");

        _f.Supervisor.EngineOf("gpu-0").Should().BeNull("no engine is started before the scheduled restart");
        pool.Snapshot().RestartCount.Should().Be(0);
        _f.Logger.WithEvent("OperatorAction").Should().ContainSingle().Which.Fields["Outcome"].Should().Be("circuit closed");
    }

    [Fact]
    public async Task AnEngineThatCannotBeStarted_FailsItsStartSayingWhy()
    {
        _f.Registry.Register("gpu-0", new EngineSpec("no-such-engine-anywhere", [], "llama-7b-v1", "1.0"), new Dictionary<string, string>());

        var result = await _f.Supervisor.StartAsync("gpu-0").WaitAsync(PoolEvents.Bound);

        result.Failure.Should().Be(CrashReason.StartupFailure);
        result.Error.Should().Contain("no-such-engine-anywhere");
    }

    [Fact]
    public async Task AnEngineReadyAfterItsPoolWasStopped_FailsItsStart_AndIsStopped()
    {
        var pool = _f.Register("gpu-0", "llama-7b-v1", "--never-healthy");
        var start = _f.Supervisor.StartAsync("gpu-0");
        var engine = _f.Supervisor.EngineOf("gpu-0")!;
        var endpoint = await engine.Listening.WaitAsync(PoolEvents.Bound);
        pool.Transition(PoolState.Stopped);

        engine.WriteLine("healthy");
        await StubHealth.UntilHealthy(endpoint);
        _time.Advance(ProbeInterval);

        var result = await start.WaitAsync(PoolEvents.Bound);
        result.Failure.Should().Be(CrashReason.StartupFailure, "a stopped pool cannot become ready");
        result.Error.Should().Contain("cannot go from Stopped to Ready");
        (await engine.Exited.WaitAsync(PoolEvents.Bound)).IsGraceful.Should().BeTrue();
    }

    [Fact]
    public async Task ATakeOverWhileARestartIsScheduled_ReplacesItsTimer()
    {
        var pool = await _f.StartReady("gpu-0");
        _f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");
        await PoolEvents.WaitForState(pool, PoolState.Restarting);
        var scheduled = _time.LiveTimers;

        _f.Supervisor.TakeOver("gpu-0", "reload rollback failed");

        _time.LiveTimers.Should().Be(scheduled, "one restart is scheduled, not two");
    }

    [Fact]
    public async Task ADisposedSupervisor_LeavesNoTimerOfARunningEngine_AndRefusesATakeOver()
    {
        await _f.StartReady("gpu-0");

        _f.Supervisor.Dispose();

        _time.LiveTimers.Should().Be(0, "the running engine's health monitor ends with the supervisor");
        FluentActions.Invoking(() => _f.Supervisor.TakeOver("gpu-0", "too late")).Should().Throw<ObjectDisposedException>();
        _time.LiveTimers.Should().Be(0);
    }

    [Fact]
    public async Task APoolStoppedByTwoCircuits_RestartsOnceTheLaterOneHalfOpens()
    {
        using var f = new SupervisorFixture(o =>
        {
            Configure(o);
            o.CircuitBreaker.FailureThreshold = 1;
            o.CircuitBreaker.OpenDuration = TimeSpan.FromSeconds(30);
            o.CircuitBreaker.SeparateCircuitReasons = new HashSet<CrashReason> { CrashReason.StartupFailure };
        });
        var pool = await f.StartReady("gpu-0");
        f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");
        await PoolEvents.WaitForState(pool, PoolState.Failed); // the general circuit is open until 30 s
        _time.Advance(TimeSpan.FromSeconds(10));
        f.Supervisor.TakeOver("gpu-0", "reload rollback failed"); // the startup_failure circuit is open until 40 s

        _time.Advance(TimeSpan.FromSeconds(20));
        pool.Snapshot().State.Should().Be(PoolState.Failed, "the startup_failure circuit is still open");
        _time.Advance(TimeSpan.FromSeconds(10));

        await PoolEvents.WaitFor(pool, s => s.State == PoolState.Ready && s.RestartCount == 1);
    }

    [Fact]
    public async Task AStableRun_ClearsTheBackoffTheCircuitsFailuresAndTheRestartWindow()
    {
        using var f = new SupervisorFixture(o =>
        {
            Configure(o);
            o.Backoff.StableResetAfter = TimeSpan.FromSeconds(60);
            o.CircuitBreaker.FailureThreshold = 2;
            o.CircuitBreaker.StableRunDuration = TimeSpan.FromSeconds(60);
            o.RestartLimits.MaxRestarts = 1;
            o.RestartLimits.WarningThreshold = 0;
            o.RestartLimits.Window = TimeSpan.FromHours(1);
            o.RestartLimits.StableResetAfter = TimeSpan.FromSeconds(60);
        });
        var pool = await f.StartReady("gpu-0");
        f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");
        await PoolEvents.WaitForState(pool, PoolState.Restarting);
        // Started by the operator rather than by the restart timer: the start completes once the policies know the
        // engine runs, so the clock cannot move before that.
        (await f.Supervisor.StartAsync("gpu-0").WaitAsync(PoolEvents.Bound)).Ready.Should().BeTrue();

        _time.Advance(TimeSpan.FromSeconds(60));
        f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");

        var restarting = await PoolEvents.WaitFor(pool, s => s.CrashCount == 2 && s.State is PoolState.Restarting or PoolState.Failed);
        restarting.State.Should().Be(PoolState.Restarting, $"the circuit's failures and the restart window were cleared ({restarting.LastError})");
        _time.Advance(Restart);
        await PoolEvents.WaitFor(pool, s => s.State == PoolState.Ready && s.CrashCount == 2); // the schedule is logged by now
        f.Logger.WithEvent("RestartScheduled").Select(e => e.Message).Where(m => m.StartsWith("Pool gpu-0: restart in", StringComparison.Ordinal))
            .Should().Equal(["Pool gpu-0: restart in 1 s after process_exit", "Pool gpu-0: restart in 1 s after process_exit"], "the backoff starts over");
    }

    [Fact]
    public async Task AHungEngineThatIgnoresSigterm_IsKilledAfterTheGracePeriod_AndItsCrashIsTheHealthCheck()
    {
        await _f.StartReady("gpu-0", "--ignore-sigterm");
        var engine = _f.Supervisor.EngineOf("gpu-0")!;
        var ignored = _f.EngineWrites("SIGTERM received: ignored");
        engine.WriteLine("hang");
        await StubHealth.UntilHung(await engine.Listening);

        for (var tick = 0; tick < 3; tick++)
        {
            _time.Advance(ProbeInterval); // each probe times out (1 s, real time); the three run one after another
        }

        await ignored.WaitAsync(PoolEvents.Bound);
        _f.Time.Advance(TimeSpan.FromSeconds(10)); // the grace period, on the launcher's clock

        (await engine.Exited.WaitAsync(PoolEvents.Bound)).Signal.Should().Be(Signals.SIGKILL);
        (await _f.CrashSeen.Task.WaitAsync(PoolEvents.Bound)).Reason.Should().Be(CrashReason.HealthCheckFailure, "the kill was ours");
    }

    private void Configure(SupervisorOptions options)
    {
        options.TimeProvider = _time;
        options.CircuitBreaker.OpenDuration = TimeSpan.FromSeconds(30);
        options.Health.Interval = ProbeInterval;
        options.Health.StartupTimeout = StartupTimeout;
    }

    private async Task<Pool> FailedByTheCircuit()
    {
        var pool = await _f.StartReady("gpu-0");
        for (var crash = 1; crash <= 5; crash++)
        {
            var engine = _f.Supervisor.EngineOf("gpu-0")!;
            engine.WriteLine("exit 3");
            var next = await PoolEvents.WaitFor(pool, s => s.State is PoolState.Restarting or PoolState.Failed);
            if (next.State == PoolState.Failed)
            {
                next.LastError.Should().Be("restart refused: circuit open");
                return pool;
            }

            _time.Advance(Restart);
            await PoolEvents.WaitFor(pool, s => s.State == PoolState.Ready && s.RestartCount == crash);
        }

        throw new InvalidOperationException("the circuit never opened");
    }
}
