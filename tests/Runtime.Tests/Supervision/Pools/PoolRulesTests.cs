using FluentAssertions;
using Runtime.Supervision.Pools;
using Xunit;

namespace Runtime.Tests.Supervision.Pools;

/// <summary>Rules found unpinned by mutation testing (docs/mutation.md): readiness, the lease table, leases and their texts.</summary>
public sealed class PoolRulesTests
{
    private readonly PoolRegistry _registry = new(new PoolRegistryOptions { MaxLeasesPerPool = 2 });

    public static TheoryData<int?, string?, bool> EnginesNotServing => new()
    {
        { null, "http://127.0.0.1:8080/", true },
        { 4242, null, true },
        { 4242, "http://127.0.0.1:8080/", false },
    };

    [Theory]
    [MemberData(nameof(EnginesNotServing))]
    public void Ready_NeedsAPidAnEndpointAndALiveEngine(int? pid, string? endpoint, bool live)
    {
        var pool = _registry.Register("gpu-0", PoolTestData.Llama);
        pool.Transition(PoolState.Starting);
        var engine = (Action<Pool.PoolMutation>)(m => m.SetEngine(pid, endpoint is null ? null : new Uri(endpoint), live));

        FluentActions.Invoking(() => pool.Transition(PoolState.Ready, engine)).Should().Throw<InvalidOperationException>()
            .WithMessage("pool gpu-0 cannot be ready without a serving engine");
        pool.Update(engine);
        pool.TryTransition(PoolState.Starting, PoolState.Ready).Should().BeFalse();
        pool.State.Should().Be(PoolState.Starting);
    }

    [Fact]
    public void TryTransition_ClosesTheGateAndTellsTheListeners()
    {
        var pool = PoolTestData.ReadyPool(_registry);
        var seen = new List<PoolState>();
        pool.Changed += (_, s) => seen.Add(s.State);

        pool.TryTransition(PoolState.Ready, PoolState.Draining).Should().BeTrue();

        seen.Should().Equal(PoolState.Draining);
        pool.TryAcquire(out _).Should().Be(LeaseRefusal.Draining);
    }

    [Theory]
    [InlineData(PoolState.Failed)]
    [InlineData(PoolState.Stopped)]
    public void ASameStateTransition_IsAllowedWhereItRecordsSomething(PoolState state)
    {
        var pool = PoolTestData.ReadyPool(_registry);
        pool.Transition(state);

        FluentActions.Invoking(() => pool.Transition(state, m => m.SetLastError("again"))).Should().NotThrow();
    }

    [Theory]
    [InlineData(PoolState.Ready)]
    [InlineData(PoolState.Draining)]
    public void ASameStateTransition_IsRefusedElsewhere(PoolState state)
    {
        var pool = PoolTestData.ReadyPool(_registry);
        if (state != PoolState.Ready)
        {
            pool.Transition(state);
        }

        FluentActions.Invoking(() => pool.Transition(state)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Leases_AreFoundInWhicheverSlotIsFree()
    {
        var pool = PoolTestData.ReadyPool(_registry);
        var held = new Queue<Lease>();
        for (var round = 0; round < 12; round++)
        {
            // hold one or two leases in turn, so the search starts at every slot with every other slot busy or free
            held.Enqueue(pool.Acquire());
            if (round % 3 != 0)
            {
                held.Dequeue().Release().Should().BeTrue();
            }

            if (held.Count == 2)
            {
                pool.TryAcquire(out _).Should().Be(LeaseRefusal.Exhausted);
                held.Dequeue().Release();
            }
        }

        pool.ActiveLeases.Should().Be(held.Count);
    }

    [Fact]
    public void ActiveLeaseIds_AreInTheOrderTheLeasesWereGranted()
    {
        var pool = PoolTestData.ReadyPool(_registry);
        var first = pool.Acquire();
        var second = pool.Acquire();
        first.Release();
        var third = pool.Acquire(); // takes the first slot again

        pool.ActiveLeaseIds().Should().Equal(second.Id, third.Id);
    }

    [Fact]
    public void WhenIdle_OfASecondDrain_WaitsForItsOwnLeases()
    {
        var pool = PoolTestData.ReadyPool(_registry);
        pool.Transition(PoolState.Draining);
        pool.WhenIdle().IsCompleted.Should().BeTrue("no lease was held");
        pool.Transition(PoolState.Ready);
        using var _ = new LeaseScope(pool.Acquire());

        pool.Transition(PoolState.Draining);

        pool.WhenIdle().IsCompleted.Should().BeFalse("a lease is held in this drain");
    }

    [Fact]
    public void Leases_EqualOnlyTheSameLeaseOfTheSamePool()
    {
        var pool = PoolTestData.ReadyPool(_registry);
        var other = PoolTestData.ReadyPool(_registry, "gpu-1");
        var lease = pool.Acquire();
        var copy = lease;

        (lease == copy).Should().BeTrue();
        (lease != copy).Should().BeFalse();
        (lease == pool.Acquire()).Should().BeFalse();
        (lease == other.Acquire()).Should().BeFalse("lease ids are counted per pool, so another pool's first lease has the same id");
        lease.ToString().Should().Be($"lease {lease.Id} on pool gpu-0");
        default(Lease).ToString().Should().Be("no lease");
    }

    [Fact]
    public void Refusals_SayWhy()
    {
        new LeaseRefusedException("gpu-0", LeaseRefusal.Exhausted).Message.Should().Be("pool gpu-0 has no free lease slot");
        new LeaseRefusedException("gpu-0", LeaseRefusal.None).Message.Should().Be("pool gpu-0 granted the lease");
    }

    [Fact]
    public void EngineSpec_VersionLabel_AndNoVersionToCompareWith()
    {
        PoolTestData.Llama.VersionLabel.Should().Be("llama-7b-v1 on engine 1.4.2");
        FluentActions.Invoking(() => PoolTestData.Llama.SameVersionAs(null!)).Should().Throw<ArgumentNullException>().WithParameterName("other");
    }

    [Fact]
    public void Register_NoIdOrSpec_IsRefused()
    {
        FluentActions.Invoking(() => _registry.Register(" ", PoolTestData.Llama)).Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => _registry.Register("gpu-0", null!)).Should().Throw<ArgumentNullException>().WithParameterName("spec");
    }

    [Fact]
    public void Options_TheLargestLeaseTable_IsAccepted() =>
        FluentActions.Invoking(() => new PoolRegistry(new PoolRegistryOptions { MaxLeasesPerPool = PoolDefaults.MaxLeasesPerPoolLimit }))
            .Should().NotThrow();

    private readonly struct LeaseScope(Lease lease) : IDisposable
    {
        public void Dispose() => lease.Release();
    }
}
