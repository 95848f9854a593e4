using FluentAssertions;
using Microsoft.Extensions.Logging;
using NSubstitute;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;
using Runtime.Tests.Supervision.Pools;
using Runtime.Common.Time;
using Runtime.Tests.Support;
using Xunit;
using Runtime.Common.Telemetry;

namespace Runtime.Tests.Supervision.Drain;

/// <summary>Rules found unpinned by mutation testing (docs/mutation.md): what a drain reports, logs and measures, and what it refuses.</summary>
public sealed class DrainCoordinatorRulesTests : DrainCoordinatorFixture
{
    [Fact]
    public void TheDurationHistogram_AdvisesBucketsInSeconds()
    {
        // The exporters' default buckets (0, 5, 10, 25 ... 10000) are made for milliseconds: in seconds every drain would
        // fall into the first two.
        IReadOnlyList<double>? advised = null;
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, _meters) && instrument is System.Diagnostics.Metrics.Histogram<double> h && h.Name == TelemetryNames.DrainDuration)
                {
                    advised = h.Advice?.HistogramBucketBoundaries;
                }
            },
        };
        listener.Start();

        advised.Should().Equal([0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300], "drains last from milliseconds to minutes");
    }

    [Fact]
    public async Task EachOutcome_IsMeasuredUnderItsStatusName()
    {
        PoolTestData.ReadyPool(_registry, "gpu-1").Acquire();
        PoolTestData.ReadyPool(_registry, "gpu-2").Acquire();

        var completed = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30));
        var forced = _drains.DrainAsync("gpu-1", TimeSpan.FromSeconds(30));
        var timedOut = _drains.DrainAsync("gpu-2", TimeSpan.FromSeconds(30), DrainMode.KeepEngine);
        _time.Advance(TimeSpan.FromSeconds(30));
        await Task.WhenAll(completed, forced, timedOut).WaitAsync(Bound);

        _recorder.For(TelemetryNames.DrainDuration).Select(m => (m.Tag("pool"), m.Tag(TelemetryNames.DrainStatusTag)))
            .Should().BeEquivalentTo(new[] { ("gpu-0", "completed"), ("gpu-1", "force_stopped"), ("gpu-2", "timed_out") });
    }

    [Fact]
    public async Task EachOutcome_DescribesItself()
    {
        var lease = PoolTestData.ReadyPool(_registry, "gpu-1").Acquire();
        var busy = PoolTestData.ReadyPool(_registry, "gpu-2");
        busy.Acquire();
        busy.Acquire();

        var completed = await _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30)).WaitAsync(Bound);
        var forced = _drains.DrainAsync("gpu-1", TimeSpan.FromSeconds(30));
        var timedOut = _drains.DrainAsync("gpu-2", TimeSpan.FromSeconds(30), DrainMode.KeepEngine);
        _time.Advance(TimeSpan.FromSeconds(30));

        completed.Describe().Should().Be("pool gpu-0 drained in 0 s");
        (await forced.WaitAsync(Bound)).Describe().Should().Be($"pool gpu-1 drain deadline passed: 1 leases abandoned ({lease.Id})");
        (await timedOut.WaitAsync(Bound)).Describe().Should().Be("pool gpu-2 drain timed out with 2 active leases");
    }

    [Fact]
    public async Task DeadlinePassed_IsLoggedAsAnErrorSayingWhatHappensNext()
    {
        _pool.Acquire();
        PoolTestData.ReadyPool(_registry, "gpu-1").Acquire();

        var forced = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30), correlationId: "drain-1");
        var timedOut = _drains.DrainAsync("gpu-1", TimeSpan.FromSeconds(30), DrainMode.KeepEngine, "reload-1");
        _time.Advance(TimeSpan.FromSeconds(30));
        await Task.WhenAll(forced, timedOut).WaitAsync(Bound);

        _logger.WithEvent("DrainDeadlinePassed").Select(e => (e.Level, e.Fields["PoolId"], e.Fields["ActiveLeases"], e.Fields["Action"], e.Fields["CorrelationId"]))
            .Should().BeEquivalentTo(new[]
            {
                (LogLevel.Error, (object?)"gpu-0", (object?)1, (object?)"force-stopping the engine", (object?)"drain-1"),
                (LogLevel.Error, "gpu-1", 1, "the pool serves again", "reload-1"),
            });
        _logger.WithEvent("DrainCompleted").Should().BeEmpty();
        (await forced).Should().Match<DrainOutcome>(o => o.CorrelationId == "drain-1" && o.Mode == DrainMode.StopEngine);
        (await timedOut).Should().Match<DrainOutcome>(o => o.CorrelationId == "reload-1" && o.Mode == DrainMode.KeepEngine);
    }

    [Fact]
    public async Task AGracefulStopStillUnderWayAtTheDeadline_IsMadeForced()
    {
        var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _engines.StopEngineAsync("gpu-0", false, Arg.Any<CancellationToken>()).Returns(c =>
        {
            // An engine that never stops on its own: the stop ends only when the drain's deadline cancels it.
            var deadline = c.ArgAt<CancellationToken>(2);
            var stopped = new TaskCompletionSource<Runtime.Supervision.Engines.EngineExit?>(TaskCreationOptions.RunContinuationsAsynchronously);
            deadline.Register(() => stopped.TrySetCanceled(deadline));
            stopping.TrySetResult();
            return stopped.Task;
        });
        var lease = _pool.Acquire();
        var drain = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(10));
        lease.Release();
        await stopping.Task.WaitAsync(Bound);

        _time.Advance(TimeSpan.FromSeconds(20));
        var outcome = await drain.WaitAsync(Bound);

        outcome.Status.Should().Be(DrainStatus.Completed, "every lease was released in time");
        outcome.EngineExit.Should().Be(Runtime.Supervision.Engines.EngineExit.Killed(Runtime.Supervision.Engines.Signals.SIGKILL));
        await _engines.Received(1).StopEngineAsync("gpu-0", true, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Completed_IsLoggedWithItsDurationAndCorrelationId()
    {
        var lease = _pool.Acquire();
        var drain = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30), correlationId: "drain-7");
        _time.Advance(TimeSpan.FromSeconds(2));
        lease.Release();

        var outcome = await drain.WaitAsync(Bound);

        outcome.CorrelationId.Should().Be("drain-7");
        outcome.Mode.Should().Be(DrainMode.StopEngine);
        var completed = _logger.WithEvent("DrainCompleted").Should().ContainSingle().Subject;
        completed.Fields.Should().Contain(new Dictionary<string, object?> { ["PoolId"] = "gpu-0", ["DurationMs"] = 2000d, ["CorrelationId"] = "drain-7" });
    }

    [Fact]
    public async Task IsDraining_FromTheStartUntilTheOutcome()
    {
        var lease = _pool.Acquire();
        _drains.IsDraining("gpu-0").Should().BeFalse();

        var drain = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30));
        _drains.IsDraining("gpu-0").Should().BeTrue();
        lease.Release();
        await drain.WaitAsync(Bound);

        _drains.IsDraining("gpu-0").Should().BeFalse();
    }

    [Fact]
    public async Task AnOperatorJoiningAReloadsDrain_MakesItStopTheEngine()
    {
        var lease = _pool.Acquire();
        var reload = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30), DrainMode.KeepEngine);

        var operatorDrain = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30));
        lease.Release();

        operatorDrain.Should().BeSameAs(reload);
        var outcome = await operatorDrain.WaitAsync(Bound);
        outcome.Mode.Should().Be(DrainMode.StopEngine);
        _pool.State.Should().Be(PoolState.Stopped);
        await _engines.Received(1).StopEngineAsync("gpu-0", false, Arg.Any<CancellationToken>());
    }

    [Fact]
    public void AReloadJoiningAnOperatorsDrain_IsRefused()
    {
        _pool.Acquire();
        _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30));

        Action reload = () => _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30), DrainMode.KeepEngine);

        reload.Should().Throw<InvalidOperationException>().WithMessage("pool gpu-0 cannot be drained while Draining to stop its engine");
    }

    [Fact]
    public async Task AReloadJoiningAReloadsDrain_KeepsTheEngine()
    {
        var lease = _pool.Acquire();
        var first = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30), DrainMode.KeepEngine);

        var second = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30), DrainMode.KeepEngine);
        lease.Release();

        second.Should().BeSameAs(first);
        (await second.WaitAsync(Bound)).Mode.Should().Be(DrainMode.KeepEngine);
        await _engines.DidNotReceiveWithAnyArgs().StopEngineAsync(default!, default, default);
    }

    [Fact]
    public async Task AZeroDeadline_IsAccepted()
    {
        var outcome = await _drains.DrainAsync("gpu-0", TimeSpan.Zero).WaitAsync(Bound);

        outcome.Status.Should().Be(DrainStatus.Completed, "an idle pool drains at once, whatever the deadline");
    }

    [Fact]
    public void ANegativeDeadline_IsRefused()
    {
        Action drain = () => _drains.DrainAsync("gpu-0", TimeSpan.FromTicks(-1));

        drain.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("deadline");
        _pool.State.Should().Be(PoolState.Ready);
    }

    [Fact]
    public void ADeadlineNoTimerCanWait_IsRefused()
    {
        Action drain = () => _drains.DrainAsync("gpu-0", TimerLimits.Max + TimeSpan.FromMilliseconds(1));

        drain.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("deadline");
        _pool.State.Should().Be(PoolState.Ready);
    }

    [Fact]
    public void AMissingCollaborator_IsRefused()
    {
        var noRegistry = () => new DrainCoordinator(null!, _engines);
        var noEngines = () => new DrainCoordinator(_registry, null!);
        var noClock = () => new DrainCoordinator(_registry, _engines, new DrainOptions { TimeProvider = null! });

        noRegistry.Should().Throw<ArgumentNullException>().WithParameterName("registry");
        noEngines.Should().Throw<ArgumentNullException>().WithParameterName("engines");
        noClock.Should().Throw<ArgumentNullException>().WithParameterName("TimeProvider");
    }

    [Fact]
    public async Task ADrain_NeverResumesOnTheCallersContext()
    {
        var lease = _pool.Acquire();
        var context = new CountingContext();
        var drain = context.StartOn(() => _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30)));

        await Task.Run(() => lease.Release());
        (await drain.WaitAsync(Bound)).Status.Should().Be(DrainStatus.Completed);
        context.Posts.Should().Be(0, "a library that resumes on its caller's context deadlocks a caller that blocks on it");
    }

    [Fact]
    public async Task TheDrainOfAnIdlePool_NeverResumesOnTheCallersContext()
    {
        // Nothing to wait for: the wait ends at once, and the drain must still leave the caller's context to stop the engine.
        var context = new CountingContext();
        var drain = context.StartOn(() => _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30)));

        (await drain.WaitAsync(Bound)).Status.Should().Be(DrainStatus.Completed);
        context.Posts.Should().Be(0, "a library that resumes on its caller's context deadlocks a caller that blocks on it");
    }

    [Fact]
    public async Task AnIdlePoolsEngine_IsStoppedOutsideTheCoordinatorsLock()
    {
        var lockFree = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _engines.StopEngineAsync("gpu-0", false, Arg.Any<CancellationToken>()).Returns(_ =>
        {
            // Another thread asks the coordinator something while the engine stops: it must not wait for this stop.
            var asked = Task.Run(() => _drains.IsDraining("gpu-1"));
            lockFree.TrySetResult(asked.Wait(Bound));
            return Task.FromResult<Runtime.Supervision.Engines.EngineExit?>(Runtime.Supervision.Engines.EngineExit.Exited(0));
        });

        await _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30)).WaitAsync(Bound);

        (await lockFree.Task.WaitAsync(Bound * 2)).Should().BeTrue("an engine's stop may take seconds, and other drains go on meanwhile");
    }
}
