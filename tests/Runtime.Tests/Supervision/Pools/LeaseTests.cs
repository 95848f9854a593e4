using FluentAssertions;
using Runtime.Supervision.Pools;
using Xunit;

namespace Runtime.Tests.Supervision.Pools;

public sealed class LeaseTests
{
    private readonly PoolRegistry _registry = new();

    [Fact]
    public void Acquire_ReadyPool_GrantsALeaseAndCountsIt()
    {
        var pool = PoolTestData.ReadyPool(_registry);

        var lease = _registry.Acquire("gpu-0");

        lease.IsValid.Should().BeTrue();
        lease.PoolId.Should().Be("gpu-0");
        pool.ActiveLeases.Should().Be(1);
        pool.ActiveLeaseIds().Should().Equal(lease.Id);
    }

    [Fact]
    public void Release_Twice_DecrementsOnce()
    {
        var pool = PoolTestData.ReadyPool(_registry);
        var first = pool.Acquire();
        var copy = first;
        _ = pool.Acquire();

        first.Release().Should().BeTrue();
        copy.Release().Should().BeFalse();
        first.Release().Should().BeFalse();

        pool.ActiveLeases.Should().Be(1);
    }

    [Fact]
    public void Release_DefaultLease_IsANoOp() => default(Lease).Release().Should().BeFalse();

    [Fact]
    public void Acquire_UnknownPool_IsRefusedAsNotRegistered()
    {
        var act = () => _registry.Acquire("gpu-9");

        act.Should().Throw<LeaseRefusedException>().WithMessage("pool gpu-9 is not registered")
            .Which.Reason.Should().Be(LeaseRefusal.NotRegistered);
    }

    [Fact]
    public void Acquire_StartingPool_IsRefusedAsNotReady()
    {
        _registry.Register("gpu-0", PoolTestData.Llama).Transition(PoolState.Starting);

        _registry.TryAcquire("gpu-0", out var lease).Should().Be(LeaseRefusal.NotReady);
        lease.IsValid.Should().BeFalse();
        var act = () => _registry.Acquire("gpu-0");
        act.Should().Throw<LeaseRefusedException>().WithMessage("pool gpu-0 is not ready");
    }

    [Fact]
    public void Acquire_DrainingPool_IsRefusedAsDraining()
    {
        var pool = PoolTestData.ReadyPool(_registry);
        pool.Transition(PoolState.Draining);

        var act = () => pool.Acquire();

        act.Should().Throw<LeaseRefusedException>().WithMessage("pool gpu-0 is draining");
    }

    [Fact]
    public void Acquire_AllSlotsHeld_IsRefusedAsExhausted()
    {
        var registry = new PoolRegistry(new PoolRegistryOptions { MaxLeasesPerPool = 2 });
        var pool = PoolTestData.ReadyPool(registry);
        pool.Acquire();
        var second = pool.Acquire();

        pool.TryAcquire(out _).Should().Be(LeaseRefusal.Exhausted);
        second.Release();
        pool.TryAcquire(out var third).Should().Be(LeaseRefusal.None);
        third.Id.Should().Be(4, "lease ids are never reused, even for a freed slot");
        pool.ActiveLeases.Should().Be(2);
    }

    [Fact]
    public void AcquireRelease_Uncontended_AllocatesNothing()
    {
        var pool = PoolTestData.ReadyPool(_registry);
        for (var i = 0; i < 100; i++)
        {
            _registry.TryAcquire("gpu-0", out var warm);
            warm.Release();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10_000; i++)
        {
            _registry.TryAcquire("gpu-0", out var lease);
            lease.Release();
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
        pool.ActiveLeases.Should().Be(0);
    }

    [Fact]
    public async Task AcquireRelease_ManyThreads_EndsWithNoActiveLease()
    {
        var pool = PoolTestData.ReadyPool(_registry);
        var granted = 0;

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                if (pool.TryAcquire(out var lease) == LeaseRefusal.None)
                {
                    Interlocked.Increment(ref granted);
                    lease.Release().Should().BeTrue();
                }
            }
        })));

        granted.Should().Be(80_000);
        pool.ActiveLeases.Should().Be(0);
        pool.ActiveLeaseIds().Should().BeEmpty();
    }

    [Fact]
    public async Task WhenIdle_LastLeaseReleased_Completes()
    {
        var pool = PoolTestData.ReadyPool(_registry);
        var first = pool.Acquire();
        var second = pool.Acquire();
        pool.Transition(PoolState.Draining);

        var idle = pool.WhenIdle();
        first.Release();
        idle.IsCompleted.Should().BeFalse();
        second.Release();

        await idle.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
