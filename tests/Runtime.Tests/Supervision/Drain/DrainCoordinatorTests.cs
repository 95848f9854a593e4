using FluentAssertions;
using Microsoft.Extensions.Logging;
using NSubstitute;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Tests.Supervision.Pools;
using Runtime.Tests.Support;
using Xunit;
using Runtime.Common.Telemetry;

namespace Runtime.Tests.Supervision.Drain;

public sealed class DrainCoordinatorTests : DrainCoordinatorFixture
{
    [Fact]
    public async Task DrainAsync_NoLeases_StopsTheEngineGracefullyAndCompletes()
    {
        var outcome = await _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30)).WaitAsync(Bound);

        outcome.Status.Should().Be(DrainStatus.Completed);
        outcome.EngineExit.Should().Be(EngineExit.Exited(0));
        await _engines.Received(1).StopEngineAsync("gpu-0", false, Arg.Any<CancellationToken>());
        _pool.State.Should().Be(PoolState.Stopped);
    }

    [Fact]
    public async Task DrainAsync_ActiveLease_RefusesNewLeasesAndCompletesOnLastRelease()
    {
        var lease = _pool.Acquire();

        var drain = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30));

        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.State == PoolState.Draining && !s.Ready);
        var act = () => _registry.Acquire("gpu-0");
        act.Should().Throw<LeaseRefusedException>().WithMessage("pool gpu-0 is draining");
        drain.IsCompleted.Should().BeFalse();
        _time.Advance(TimeSpan.FromSeconds(12));
        lease.Release();
        var outcome = await drain.WaitAsync(Bound);

        outcome.Status.Should().Be(DrainStatus.Completed);
        outcome.Duration.Should().Be(TimeSpan.FromSeconds(12));
        outcome.ActiveLeasesAtStart.Should().Be(1);
    }

    [Fact]
    public async Task DrainAsync_DeadlinePasses_ForceStopsAndNamesAbandonedLeases()
    {
        var first = _pool.Acquire();
        var second = _pool.Acquire();
        var drain = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30));

        _time.Advance(TimeSpan.FromSeconds(30));
        var outcome = await drain.WaitAsync(Bound);

        outcome.Status.Should().Be(DrainStatus.ForceStopped);
        outcome.AbandonedLeases.Should().Equal(first.Id, second.Id);
        outcome.Describe().Should().Be($"pool gpu-0 drain deadline passed: 2 leases abandoned ({first.Id}, {second.Id})");
        await _engines.Received(1).StopEngineAsync("gpu-0", true, Arg.Any<CancellationToken>());
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.State == PoolState.Stopped && !s.Ready);
    }

    [Fact]
    public async Task DrainAsync_KeepEngineDeadlinePasses_TimesOutAndServesAgain()
    {
        _pool.Acquire();
        var drain = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30), DrainMode.KeepEngine);

        _time.Advance(TimeSpan.FromSeconds(30));
        var outcome = await drain.WaitAsync(Bound);

        outcome.Status.Should().Be(DrainStatus.TimedOut);
        _pool.Snapshot().Ready.Should().BeTrue();
        await _engines.DidNotReceiveWithAnyArgs().StopEngineAsync(default!, default, default);
    }

    [Fact]
    public async Task DrainAsync_KeepEngineLeasesFinish_CompletesAndServesAgain()
    {
        var lease = _pool.Acquire();
        var drain = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30), DrainMode.KeepEngine);

        lease.Release();
        var outcome = await drain.WaitAsync(Bound);

        outcome.Status.Should().Be(DrainStatus.Completed);
        _pool.Snapshot().Ready.Should().BeTrue("a drain that keeps the engine never leaves its pool draining once it has returned (issue 22)");
        (await _drains.DrainAsync("gpu-0", TimeSpan.Zero).WaitAsync(Bound)).Status.Should().Be(DrainStatus.Completed, "the pool can be drained again");
    }

    [Fact]
    public void DrainForReloadAsync_WhileAKeepEngineDrainRuns_IsRefusedAsDraining()
    {
        _pool.Acquire();
        _ = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30), DrainMode.KeepEngine);

        Action reload = () => _drains.DrainForReloadAsync("gpu-0", TimeSpan.FromSeconds(30), "reload-1");

        reload.Should().Throw<InvalidOperationException>().WithMessage("pool gpu-0 is draining", "a reload never joins a drain it would not own");
    }

    [Fact]
    public async Task DrainAsync_DrainingPool_JoinsTheSameDrain()
    {
        var lease = _pool.Acquire();
        var first = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30));

        var second = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(5));
        lease.Release();

        second.Should().BeSameAs(first);
        (await second.WaitAsync(Bound)).Status.Should().Be(DrainStatus.Completed);
        await _engines.Received(1).StopEngineAsync("gpu-0", false, Arg.Any<CancellationToken>());
    }

    [Fact]
    public void DrainAsync_UnknownPool_ThrowsNotRegistered()
    {
        Action act = () => _drains.DrainAsync("gpu-9", TimeSpan.FromSeconds(30));

        act.Should().Throw<PoolNotRegisteredException>().WithMessage("pool gpu-9 is not registered");
    }

    [Fact]
    public async Task DrainAsync_TwoPools_AreIndependent()
    {
        var other = PoolTestData.ReadyPool(_registry, "gpu-1");
        var lease = other.Acquire();

        var idle = await _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30)).WaitAsync(Bound);
        var busy = _drains.DrainAsync("gpu-1", TimeSpan.FromSeconds(30));

        idle.Status.Should().Be(DrainStatus.Completed);
        busy.IsCompleted.Should().BeFalse();
        lease.Release();
        (await busy.WaitAsync(Bound)).Status.Should().Be(DrainStatus.Completed);
    }

    [Fact]
    public async Task DrainAsync_Observed_LogsLeaseCountAndRecordsDuration()
    {
        var lease = _pool.Acquire();
        var drain = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30));
        _time.Advance(TimeSpan.FromSeconds(4));
        lease.Release();
        await drain.WaitAsync(Bound);

        var warning = _logger.WithEvent("DrainStarted").Should().ContainSingle().Subject;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Fields["ActiveLeases"].Should().Be(1);
        var duration = _recorder.For(TelemetryNames.DrainDuration).Should().ContainSingle().Subject;
        duration.Value.Should().Be(4, "durations are measured in seconds");
        duration.Tag("pool").Should().Be("gpu-0");
    }

    [Fact]
    public async Task DrainAsync_NoActiveLease_LogsTheStartWithoutAWarning()
    {
        await _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30)).WaitAsync(Bound);

        var started = _logger.WithEvent("DrainStarted").Should().ContainSingle().Subject;
        started.Level.Should().Be(LogLevel.Information, "a drain with no lease outstanding cuts no work short");
        started.Fields["ActiveLeases"].Should().Be(0);
    }

    [Fact]
    public void DrainAsync_StoppedPool_IsRefusedWithItsState()
    {
        _pool.Transition(PoolState.Stopped);

        Action act = () => _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30));

        act.Should().Throw<InvalidOperationException>().WithMessage("pool gpu-0 cannot be drained while Stopped");
    }
}
