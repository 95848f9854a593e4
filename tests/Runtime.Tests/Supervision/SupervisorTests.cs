using FluentAssertions;
using NSubstitute;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Tests.Support;
using Xunit;
using Runtime.Common.Telemetry;

namespace Runtime.Tests.Supervision;

public sealed class SupervisorTests : IDisposable
{
    private readonly SupervisorFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task StartAsync_HealthyEngine_MakesThePoolReadyWithItsEngine()
    {
        var pool = await _f.StartReady("gpu-0");

        var s = pool.Snapshot();
        s.State.Should().Be(PoolState.Ready);
        s.Live.Should().BeTrue();
        s.Ready.Should().BeTrue();
        s.Pid.Should().BePositive();
        s.Endpoint!.IsLoopback.Should().BeTrue();
    }

    [Fact]
    public async Task Crash_ExitCode3_IsRecordedThenRestartedAfterBackoff()
    {
        var pool = await _f.StartReady("gpu-0");
        Command("gpu-0", "exit 3");

        var crash = await _f.CrashSeen.Task.WaitAsync(PoolEvents.Bound);
        var crashed = await PoolEvents.WaitForState(pool, PoolState.Restarting);

        crash.Reason.Should().Be(CrashReason.ProcessExit);
        crash.ExitCode.Should().Be(3);
        crash.PoolId.Should().Be("gpu-0");
        crash.EngineVersion.Should().Be("1.0");
        crashed.Live.Should().BeFalse();
        crashed.Ready.Should().BeFalse();
        crashed.CrashCount.Should().Be(1);
        crashed.LastError.Should().Be("process_exit: exited with code 3");
        _f.Logger.WithEvent("OutOfMemoryKill").Should().BeEmpty("the engine exited, nothing killed it");

        _f.Time.Advance(TimeSpan.FromSeconds(1));
        var restarted = await PoolEvents.WaitFor(pool, s => s.State == PoolState.Ready && s.RestartCount == 1);
        restarted.Live.Should().BeTrue();
    }

    [Fact]
    public async Task Crash_Sigsegv_RecordsTheSignalName()
    {
        var pool = await _f.StartReady("gpu-0");
        Command("gpu-0", "signal SIGSEGV");

        var crash = await _f.CrashSeen.Task.WaitAsync(PoolEvents.Bound);

        crash.Reason.Should().Be(CrashReason.Signal);
        crash.Signal.Should().Be("SIGSEGV");
        crash.ExitCode.Should().BeNull();
        (await PoolEvents.WaitFor(pool, s => s.CrashCount == 1)).LastError.Should().Be("signal: killed by SIGSEGV");
    }

    [Fact]
    public async Task Crash_SigkillWithOomEvidence_IsOutOfMemory()
    {
        var pool = await _f.StartReady("gpu-0");
        _f.Oom.ReadOomKillCount().Returns(1L);

        SignalSender.Send(pool.Snapshot().Pid!.Value, Signals.SIGKILL);
        var crash = await _f.CrashSeen.Task.WaitAsync(PoolEvents.Bound);

        crash.Reason.Should().Be(CrashReason.OutOfMemory);
        crash.Signal.Should().Be("SIGKILL");
        await PoolEvents.WaitForState(pool, PoolState.Restarting); // the crash is logged before the pool turns restarting
        var oom = _f.Logger.WithEvent("OutOfMemoryKill").Should().ContainSingle("an out-of-memory kill is logged as such, for capacity planning").Subject;
        oom.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Critical);
        oom.Fields.Should().Contain(new Dictionary<string, object?> { ["PoolId"] = "gpu-0", ["Model"] = "llama-7b-v1", ["EngineVersion"] = "1.0" });
    }

    [Fact]
    public async Task Exit_CodeZero_StopsThePoolWithoutRestart()
    {
        var pool = await _f.StartReady("gpu-0");
        Command("gpu-0", "exit 0");

        var stopped = await PoolEvents.WaitForState(pool, PoolState.Stopped);
        _f.Time.Advance(TimeSpan.FromMinutes(5));

        stopped.CrashCount.Should().Be(0);
        stopped.Live.Should().BeFalse();
        pool.State.Should().Be(PoolState.Stopped);
        (await _f.CrashSeen.Task).Reason.Should().Be(CrashReason.GracefulExit);
    }

    [Fact]
    public async Task DriverErrorLine_IsADriverErrorCrashAndTheEngineIsStopped()
    {
        var pool = await _f.StartReady("gpu-0");
        var engine = _f.Supervisor.EngineOf("gpu-0")!;
        Command("gpu-0", "log CUDA error: an illegal memory access was encountered");

        var crash = await _f.CrashSeen.Task.WaitAsync(PoolEvents.Bound);

        crash.Reason.Should().Be(CrashReason.DriverError);
        crash.Detail.Should().Be("CUDA error: an illegal memory access was encountered");
        (await PoolEvents.WaitFor(pool, s => s.CrashCount == 1)).Live.Should().BeFalse();
        (await engine.Exited.WaitAsync(PoolEvents.Bound)).Should().NotBeNull();
        engine.HasExited.Should().BeTrue("the engine was stopped");
    }

    [Fact]
    public async Task HungEngine_ThreeFailedProbes_IsAHealthCheckFailure()
    {
        var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _f.Supervisor.EngineOutput += (_, l) => { if (l.Text.StartsWith("hung", StringComparison.Ordinal)) hung.TrySetResult(); };
        var pool = await _f.StartReady("gpu-0");
        var engine = _f.Supervisor.EngineOf("gpu-0")!;
        Command("gpu-0", "hang");
        await hung.Task.WaitAsync(PoolEvents.Bound);

        _f.Time.Advance(TimeSpan.FromSeconds(15));
        var crash = await _f.CrashSeen.Task.WaitAsync(PoolEvents.Bound);

        crash.Reason.Should().Be(CrashReason.HealthCheckFailure);
        crash.Detail.Should().StartWith("3 consecutive failed health probes");
        // The stop is logged after the failures before it, and before the failure that caused it is logged.
        _f.Logger.Entries.Where(e => e.EventId.Name is "HealthCheckFailed" or "EngineUnhealthy").Take(3)
            .Select(e => $"{e.EventId.Name} {e.Fields["PoolId"]} {e.Fields.GetValueOrDefault("ConsecutiveFailures")}/{e.Fields.GetValueOrDefault("FailureThreshold")}")
            .Should().Equal("HealthCheckFailed gpu-0 1/3", "HealthCheckFailed gpu-0 2/3", "EngineUnhealthy gpu-0 /");
        (await engine.Exited.WaitAsync(PoolEvents.Bound)).Should().NotBeNull();
        engine.HasExited.Should().BeTrue("the engine was stopped");
    }

    [Fact]
    public async Task HungEngine_ProbesTimedOnTheRequestClockOfItsEndpoint_IsAHealthCheckFailureWithoutRealWaiting()
    {
        // The probe timeout is an hour, on a clock of the engine's endpoint that moves by an hour whenever the engine
        // holds a probe: only that clock can time the probes out within the test's bound.
        var requestClock = TestClock.New();
        using var f = new SupervisorFixture(o =>
        {
            o.Health.Timeout = TimeSpan.FromHours(1);
            o.Health.RequestClock = _ => requestClock;
        });
        var hung = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        f.Supervisor.EngineOutput += (_, l) =>
        {
            if (l.Text.StartsWith("hung", StringComparison.Ordinal))
            {
                hung.TrySetResult();
            }
            else if (l.Text.StartsWith("held GET /health", StringComparison.Ordinal))
            {
                requestClock.Advance(TimeSpan.FromHours(1));
            }
        };
        await f.StartReady("gpu-0");
        f.Supervisor.EngineOf("gpu-0")!.WriteLine("hang").Should().BeTrue();
        await hung.Task.WaitAsync(PoolEvents.Bound);

        f.Time.Advance(TimeSpan.FromSeconds(15));

        var crash = await f.CrashSeen.Task.WaitAsync(PoolEvents.Bound);
        crash.Reason.Should().Be(CrashReason.HealthCheckFailure);
        crash.Detail.Should().Be("3 consecutive failed health probes (timed out after 3600000 ms)");
    }

    [Fact]
    public async Task NeverHealthy_StartupTimeoutPasses_IsAStartupFailure()
    {
        var pool = _f.Register("gpu-0", "llama-7b-v1", "--never-healthy");
        var starting = _f.Supervisor.StartAsync("gpu-0");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _f.Supervisor.EngineOutput += (_, l) => { if (l.Text.StartsWith("listening", StringComparison.Ordinal)) listening.TrySetResult(); };
        await listening.Task.WaitAsync(PoolEvents.Bound);

        _f.Time.Advance(TimeSpan.FromSeconds(60));
        var result = await starting.WaitAsync(PoolEvents.Bound);

        result.Ready.Should().BeFalse();
        result.Failure.Should().Be(CrashReason.StartupFailure);
        (await PoolEvents.WaitFor(pool, s => s.CrashCount == 1)).LastError.Should().Be("startup_failure: not ready within 60 s");
    }

    [Fact]
    public async Task Crash_OnePool_LeavesTheOtherPoolReady()
    {
        var healthy = await _f.StartReady("gpu-1");
        var crashing = await _f.StartReady("gpu-0");
        Command("gpu-0", "exit 3");

        await PoolEvents.WaitForState(crashing, PoolState.Restarting);

        healthy.Snapshot().Ready.Should().BeTrue();
        healthy.Snapshot().CrashCount.Should().Be(0);
    }

    [Fact]
    public async Task Crash_MetricAndLog_NameThePoolAndReason()
    {
        await _f.StartReady("gpu-0");
        using var recorder = new Support.InstrumentRecorder(_f.Meters);
        Command("gpu-0", "exit 3");

        await _f.CrashSeen.Task.WaitAsync(PoolEvents.Bound);

        var crash = recorder.For(TelemetryNames.EngineCrashes).Should().ContainSingle().Subject;
        crash.Tag("pool").Should().Be("gpu-0");
        crash.Tag("crash.reason").Should().Be("process_exit");
        _f.Logger.WithEvent("EngineCrashed").Should().ContainSingle().Which.Fields["CrashReason"].Should().Be("process_exit");
    }

    [Fact]
    public async Task RestartStorm_LimitReached_FailsThePool()
    {
        using var f = new SupervisorFixture(o =>
        {
            o.RestartLimits.MaxRestarts = 1;
            o.RestartLimits.WarningThreshold = 0;
        });
        var pool = await f.StartReady("gpu-0");
        f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");
        await PoolEvents.WaitForState(pool, PoolState.Restarting);
        f.Time.Advance(TimeSpan.FromSeconds(1));
        await PoolEvents.WaitFor(pool, s => s.State == PoolState.Ready && s.RestartCount == 1);
        f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");

        var failed = await PoolEvents.WaitForState(pool, PoolState.Failed);

        failed.LastError.Should().StartWith("restart refused: restart storm");
        failed.CrashCount.Should().Be(2);
    }

    [Fact]
    public async Task Crash_ClockMovedTheMomentThePoolTurnsRestarting_StillRestartsTheEngine()
    {
        // Regression (a CI flake): the pool turned Restarting before its restart timer existed, so a clock moved at once
        // (as tests and scenarios do) passed the restart by, and the pool stayed Restarting for good.
        using var f = new SupervisorFixture();
        var pool = await f.StartReady("gpu-0");
        pool.Changed += (_, s) =>
        {
            if (s.State == PoolState.Restarting)
            {
                f.Time.Advance(TimeSpan.FromSeconds(2));
            }
        };

        f.Supervisor.EngineOf("gpu-0")!.WriteLine("signal SIGSEGV").Should().BeTrue();

        var restarted = await PoolEvents.WaitFor(pool, s => s.State == PoolState.Ready && s.RestartCount == 1);
        restarted.CrashCount.Should().Be(1);
    }

    [Fact]
    public async Task RestartStorm_LimitReached_OpensTheCircuitAndRaisesTheStormWithoutRestart()
    {
        using var f = new SupervisorFixture(o =>
        {
            o.RestartLimits.MaxRestarts = 3;
            o.RestartLimits.WarningThreshold = 2;
        });
        using var recorder = new Support.InstrumentRecorder(f.Meters);
        var pool = await f.StartReady("gpu-0");
        for (var restart = 1; restart <= 3; restart++)
        {
            f.Supervisor.EngineOf("gpu-0")!.WriteLine("signal SIGSEGV").Should().BeTrue();
            await PoolEvents.WaitFor(pool, s => s.State == PoolState.Restarting && s.CrashCount == restart);
            f.Time.Advance(TimeSpan.FromSeconds(1 << (restart - 1)));
            await PoolEvents.WaitFor(pool, s => s.State == PoolState.Ready && s.RestartCount == restart);
        }

        f.Supervisor.EngineOf("gpu-0")!.WriteLine("signal SIGSEGV").Should().BeTrue();
        var failed = await PoolEvents.WaitForState(pool, PoolState.Failed);
        var scheduled = recorder.For(TelemetryNames.RestartsScheduled).Count;
        f.Time.Advance(TimeSpan.FromSeconds(120));

        var open = recorder.Observe(TelemetryNames.CircuitState)
            .Where(m => m.Tag("pool") == "gpu-0" && m.Value == (int)Runtime.Supervision.CircuitBreaker.CircuitState.Open);
        open.Should().ContainSingle("the storm opens the circuit of pool gpu-0, and the breaker alone (5 failures) would not")
            .Which.Tag("circuit").Should().Be(Runtime.Supervision.CircuitBreaker.CircuitBreakerConstants.GeneralCircuitName);
        var storm = f.Logger.WithEvent(Runtime.Supervision.RestartLimits.RestartLimitConstants.StormEventName).Should().ContainSingle().Subject;
        storm.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Critical);
        storm.Fields["PoolId"].Should().Be("gpu-0");
        storm.Fields["RestartCount"].Should().Be(3);
        failed.LastError.Should().Be("restart refused: restart storm: 3 restarts in 60 s");
        scheduled.Should().Be(3);
        recorder.For(TelemetryNames.RestartsScheduled).Should().HaveCount(3, "no restart is scheduled after the storm");
        pool.Snapshot().Should().Match<PoolSnapshot>(s => s.State == PoolState.Failed && s.RestartCount == 3 && s.CrashCount == 4);
        f.Supervisor.EngineOf("gpu-0").Should().BeNull();
    }

    [Fact]
    public async Task CircuitOpen_RestartRefusedUntilHalfOpen_ThenTheProbeRestarts()
    {
        using var f = new SupervisorFixture(o =>
        {
            o.CircuitBreaker.FailureThreshold = 1;
            o.CircuitBreaker.OpenDuration = TimeSpan.FromSeconds(30);
        });
        var pool = await f.StartReady("gpu-0");

        f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");
        var failed = await PoolEvents.WaitForState(pool, PoolState.Failed);
        failed.LastError.Should().Be("restart refused: circuit open");
        f.Time.Advance(TimeSpan.FromSeconds(30));

        var probe = await PoolEvents.WaitFor(pool, s => s.State == PoolState.Ready && s.RestartCount == 1);
        probe.Live.Should().BeTrue();
    }

    [Fact]
    public void Options_NegativeGrace_IsRejectedNamingIt()
    {
        using var launcher = new EngineLauncher();
        var act = () => new Supervisor(new PoolRegistry(), launcher, new SupervisorOptions { StopGracePeriod = TimeSpan.FromSeconds(-1) });

        act.Should().Throw<ArgumentException>().WithMessage("SupervisorOptions.StopGracePeriod must not be negative*");
    }

    private void Command(string poolId, string command) =>
        _f.Supervisor.EngineOf(poolId)!.WriteLine(command).Should().BeTrue("the engine of pool {0} reads commands", poolId);
}
