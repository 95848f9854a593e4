using FluentAssertions;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Tests.Support;
using Xunit;
using Runtime.Common.Telemetry;

namespace Runtime.Tests.Supervision;

/// <summary>
/// The restart policies know a run has started before anyone can see its pool ready. Each test moves the clock from
/// inside the pool's change event, on the supervisor's own thread, at the moment the pool turns Ready: the earliest an
/// observer (an operator, a scenario waiting for "ready") can move it. That forces, every time, the interleaving a
/// loaded machine produced once in a while (issue 22, part 5: the probe's stable run measured from after the clock moved).
/// </summary>
public sealed class SupervisorReadyOrderTests
{
    private static readonly TimeSpan Restart = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan StableRun = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AProbeThatRunsStablyFromTheMomentItIsSeenReady_ClosesTheCircuit()
    {
        using var f = new SupervisorFixture(o =>
        {
            Configure(o);
            o.CircuitBreaker.FailureThreshold = 1;
            o.CircuitBreaker.OpenDuration = TimeSpan.FromSeconds(30);
            o.CircuitBreaker.StableRunDuration = StableRun;
        });
        using var recorder = new InstrumentRecorder(f.Meters);
        var pool = await f.StartReady("gpu-0");
        f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");
        await PoolEvents.WaitForState(pool, PoolState.Failed);
        MoveTheClockWhenReady(f, pool, restartCount: 1, StableRun);

        f.Time.Advance(TimeSpan.FromSeconds(30)); // half-open: the probe starts
        await PoolEvents.WaitFor(pool, s => s.State == PoolState.Ready && s.RestartCount == 1);

        recorder.Observe(TelemetryNames.CircuitState).Where(m => m.Tag("circuit") == CircuitBreakerConstants.GeneralCircuitName)
            .Select(m => (CircuitState)(int)m.Value).Should().Equal([CircuitState.Closed], "the probe has run 60 s since it was ready");
    }

    [Fact]
    public async Task ARestartThatRunsStablyFromTheMomentItIsSeenReady_ClearsTheBackoffTheFailuresAndTheRestartWindow()
    {
        using var f = new SupervisorFixture(o =>
        {
            Configure(o);
            o.Backoff.StableResetAfter = StableRun;
            o.CircuitBreaker.FailureThreshold = 2;
            o.CircuitBreaker.StableRunDuration = StableRun;
            o.RestartLimits.MaxRestarts = 1;
            o.RestartLimits.WarningThreshold = 0;
            o.RestartLimits.Window = TimeSpan.FromHours(1);
            o.RestartLimits.StableResetAfter = StableRun;
        });
        var pool = await f.StartReady("gpu-0");
        f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");
        await PoolEvents.WaitForState(pool, PoolState.Restarting);
        MoveTheClockWhenReady(f, pool, restartCount: 1, StableRun);

        f.Time.Advance(Restart); // the scheduled restart
        await PoolEvents.WaitFor(pool, s => s.State == PoolState.Ready && s.RestartCount == 1);
        f.Supervisor.EngineOf("gpu-0")!.WriteLine("exit 3");

        var next = await PoolEvents.WaitFor(pool, s => s.CrashCount == 2 && s.State is PoolState.Restarting or PoolState.Failed);
        next.State.Should().Be(PoolState.Restarting, $"the run was stable for 60 s from the moment it was seen ready ({next.LastError})");
        f.Time.Advance(Restart);
        await PoolEvents.WaitFor(pool, s => s.State == PoolState.Ready && s.RestartCount == 2); // the schedule is logged by now
        f.Logger.WithEvent("RestartScheduled").Select(e => e.Message).Where(m => m.StartsWith("Pool gpu-0: restart in", StringComparison.Ordinal))
            .Should().Equal(["Pool gpu-0: restart in 1 s after process_exit", "Pool gpu-0: restart in 1 s after process_exit"], "the backoff starts over");
    }

    /// <summary>The observer: the first time the pool is seen ready after <paramref name="restartCount"/> restarts, the clock moves.</summary>
    private static void MoveTheClockWhenReady(SupervisorFixture f, Pool pool, int restartCount, TimeSpan by)
    {
        var moved = 0;
        pool.Changed += (_, s) =>
        {
            if (s.State == PoolState.Ready && s.RestartCount == restartCount && Interlocked.Exchange(ref moved, 1) == 0)
            {
                f.Time.Advance(by);
            }
        };
    }

    private static void Configure(SupervisorOptions options)
    {
        // Probes only at the start (a first probe is immediate): the clock moved here never probes a running engine.
        options.Health.Interval = TimeSpan.FromHours(1);
        options.Health.StartupTimeout = TimeSpan.FromHours(2);
    }
}
