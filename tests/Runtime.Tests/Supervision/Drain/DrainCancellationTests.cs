using FluentAssertions;
using NSubstitute;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;
using Xunit;

namespace Runtime.Tests.Supervision.Drain;

/// <summary>
/// A drain cancelled before its leases finished, by its caller's token or by disposing the coordinator, gives the pool
/// back Ready with its engine, and ends cancelled; a disposed coordinator refuses new drains.
/// </summary>
public sealed class DrainCancellationTests : DrainCoordinatorFixture
{
    [Fact]
    public async Task CancellingTheCallersToken_EndsTheDrainCancelled_AndThePoolServesAgainWithItsEngine()
    {
        _pool.Acquire();
        using var cancel = new CancellationTokenSource();
        var drain = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30), DrainMode.StopEngine, "op-1", cancel.Token);

        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => drain.WaitAsync(Bound)).Should().ThrowAsync<OperationCanceledException>()
            .WithMessage("the drain of pool gpu-0 was cancelled: the pool serves again");
        _pool.State.Should().Be(PoolState.Ready, "a cancelled drain gives the pool back");
        _drains.IsDraining("gpu-0").Should().BeFalse();
        await _engines.DidNotReceiveWithAnyArgs().StopEngineAsync(default!, default, default);
        _logger.WithEvent("DrainCancelled").Should().ContainSingle().Which.Fields["CorrelationId"].Should().Be("op-1");
    }

    [Fact]
    public async Task DisposingTheCoordinator_CancelsTheDrainsUnderWay_AndRefusesNewOnes()
    {
        _pool.Acquire();
        var drain = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30));

        _drains.Dispose();

        await FluentActions.Awaiting(() => drain.WaitAsync(Bound)).Should().ThrowAsync<OperationCanceledException>();
        _pool.State.Should().Be(PoolState.Ready);
        Action again = () => _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30));
        again.Should().Throw<ObjectDisposedException>();
        _pool.State.Should().Be(PoolState.Ready, "a drain a disposed coordinator refuses never starts: the pool keeps serving");
        FluentActions.Invoking(() => _drains.Dispose()).Should().NotThrow("disposing twice is safe");
    }

    [Fact]
    public async Task CancellingAJoinersToken_EndsOnlyItsWait()
    {
        var lease = _pool.Acquire();
        var first = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource();
        var joined = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30), DrainMode.StopEngine, null, cancel.Token);

        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => joined.WaitAsync(Bound)).Should().ThrowAsync<OperationCanceledException>();
        _pool.State.Should().Be(PoolState.Draining, "the drain itself goes on");
        lease.Release();
        (await first.WaitAsync(Bound)).Status.Should().Be(DrainStatus.Completed);
    }
}
