using FluentAssertions;
using Runtime.Supervision.Pools;
using Xunit;

namespace Runtime.Tests.Supervision.Pools;

public sealed class PoolTests
{
    private readonly PoolRegistry _registry = new();

    [Fact]
    public void Register_NewPool_IsRegisteredNotLiveNotReady()
    {
        var pool = _registry.Register("gpu-0", PoolTestData.Llama, new Dictionary<string, string> { ["CUDA_VISIBLE_DEVICES"] = "0" });

        var snapshot = pool.Snapshot();
        snapshot.State.Should().Be(PoolState.Registered);
        snapshot.Live.Should().BeFalse();
        snapshot.Ready.Should().BeFalse();
        snapshot.Metadata.Should().Contain("CUDA_VISIBLE_DEVICES", "0");
        _registry.Get("gpu-0").Should().BeSameAs(pool);
    }

    [Fact]
    public void Register_SameIdTwice_Throws()
    {
        _registry.Register("gpu-0", PoolTestData.Llama);

        var act = () => _registry.Register("gpu-0", PoolTestData.Llama);

        act.Should().Throw<ArgumentException>().WithMessage("pool gpu-0 is already registered*");
    }

    [Fact]
    public void Get_UnknownPool_ThrowsNotRegistered()
    {
        var act = () => _registry.Get("gpu-9");

        act.Should().Throw<PoolNotRegisteredException>().WithMessage("pool gpu-9 is not registered");
    }

    [Fact]
    public void Transition_ReadyWithoutEngine_IsRefused()
    {
        var pool = _registry.Register("gpu-0", PoolTestData.Llama);
        pool.Transition(PoolState.Starting);

        var act = () => pool.Transition(PoolState.Ready);

        act.Should().Throw<InvalidOperationException>().WithMessage("pool gpu-0 cannot be ready without a serving engine");
        pool.State.Should().Be(PoolState.Starting);
    }

    [Fact]
    public void Transition_StoppedToDraining_IsRefused()
    {
        var pool = _registry.Register("gpu-0", PoolTestData.Llama);
        pool.Transition(PoolState.Stopped);

        var act = () => pool.Transition(PoolState.Draining);

        act.Should().Throw<InvalidOperationException>().WithMessage("pool gpu-0 cannot go from Stopped to Draining");
    }

    [Fact]
    public void Changed_Transition_RaisesTheNewSnapshot()
    {
        var pool = _registry.Register("gpu-0", PoolTestData.Llama);
        var seen = new List<PoolState>();
        pool.Changed += (_, s) => seen.Add(s.State);

        PoolTestData.MakeReady(pool);

        seen.Should().Equal(PoolState.Starting, PoolState.Ready);
        pool.Snapshot().Ready.Should().BeTrue();
    }

    [Fact]
    public void ExpandArguments_Placeholders_AreReplaced()
    {
        var spec = new EngineSpec("serve", ["--model", "{model}", "--v={engine_version}"], "llama-7b-v2", "1.5.0");

        spec.ExpandArguments().Should().Equal("--model", "llama-7b-v2", "--v=1.5.0");
        spec.SameVersionAs(spec with { Arguments = [] }).Should().BeTrue();
        spec.SameVersionAs(spec with { EngineVersion = "1.6.0" }).Should().BeFalse();
    }

    [Fact]
    public void Options_ZeroLeaseSlots_IsRejectedWithAClearMessage()
    {
        var act = () => new PoolRegistry(new PoolRegistryOptions { MaxLeasesPerPool = 0 });

        act.Should().Throw<ArgumentException>().WithMessage("PoolRegistryOptions.MaxLeasesPerPool must be at least 1, got 0.*");
    }
}
