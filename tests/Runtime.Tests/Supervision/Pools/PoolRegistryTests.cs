using FluentAssertions;
using Runtime.Supervision.Pools;
using Xunit;

namespace Runtime.Tests.Supervision.Pools;

/// <summary>Registering is all or nothing: an incomplete spec or a failed save leaves nothing registered and nothing saved.</summary>
public sealed class PoolRegistryTests : IDisposable
{
    private static readonly EngineSpec Valid = new("serve", [], "llama-7b-v1", "1.0");
    private readonly string _directory = Directory.CreateTempSubdirectory("pool-registry-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<EngineSpec, string> IncompleteSpecs() => new()
    {
        { Valid with { Command = "" }, "EngineSpec.Command must not be empty" },
        { Valid with { Command = "  " }, "EngineSpec.Command must not be empty" },
        { Valid with { Arguments = null! }, "EngineSpec.Arguments must not be null (use an empty list)" },
        { Valid with { Arguments = ["--port", null!] }, "EngineSpec.Arguments must not contain null" },
        { Valid with { Model = "" }, "EngineSpec.Model must not be empty" },
        { Valid with { EngineVersion = " " }, "EngineSpec.EngineVersion must not be empty" },
    };

    [Theory]
    [MemberData(nameof(IncompleteSpecs))]
    public void Register_IncompleteSpec_IsRefusedNamingThePartAndSavesNothing(EngineSpec spec, string message)
    {
        var file = Path.Combine(_directory, "pools.json");
        var registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = file });

        var act = () => registry.Register("gpu-0", spec);

        act.Should().Throw<ArgumentException>().WithMessage(message);
        registry.Pools.Should().BeEmpty();
        File.Exists(file).Should().BeFalse("a pool that is refused is not saved, so the next load is not spoiled");
    }

    [Fact]
    public void Register_NoDeviceMemory_IsRefusedSayingWhatItMustBe()
    {
        var act = () => new PoolRegistry().Register("gpu-0", Valid, deviceMemoryMiB: 0);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("pool gpu-0: the device memory must be null or positive (MiB)*");
    }

    [Fact]
    public void Save_WritesThePoolsInTheOrderOfTheirIds()
    {
        var file = Path.Combine(_directory, "pools.json");
        var registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = file });

        registry.Register("gpu-1", Valid);
        registry.Register("gpu-0", Valid);

        new PoolStateStore(file).Load().Select(r => r.Id).Should().Equal("gpu-0", "gpu-1");
    }

    [Fact]
    public void LoadState_RestoredPools_AreRegisteredAndTheirChangesSaved()
    {
        var file = Path.Combine(_directory, "pools.json");
        new PoolRegistry(new PoolRegistryOptions { StateFilePath = file }).Register("gpu-0", Valid);
        var registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = file });

        var restored = registry.LoadState().Should().ContainSingle().Subject;
        restored.Update(m => m.CountCrash());

        registry.Pools.Should().ContainSingle().Which.Should().BeSameAs(restored);
        registry.TryGet("gpu-0", out var found).Should().BeTrue();
        found.Should().BeSameAs(restored);
        new PoolStateStore(file).Load().Should().ContainSingle().Which.CrashCount.Should().Be(1, "a restored pool's changes are saved like any other's");
    }

    [Fact]
    public void PoolNotRegistered_NamesThePool() =>
        new PoolNotRegisteredException("gpu-9").Should().Match<PoolNotRegisteredException>(e => e.PoolId == "gpu-9" && e.Message == "pool gpu-9 is not registered");

    [Fact]
    public void Register_SaveFails_LeavesThePoolUnregistered()
    {
        var file = Path.Combine(_directory, "pools.json");
        Directory.CreateDirectory(file);
        var registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = file });

        var act = () => registry.Register("gpu-0", Valid);

        act.Should().Throw<Exception>();
        registry.Pools.Should().BeEmpty("a pool whose save failed is not kept");
        registry.TryGet("gpu-0", out _).Should().BeFalse();
    }

    [Fact]
    public void Register_AfterASaveFailed_CanRegisterTheSamePoolOnceTheFileIsWritable()
    {
        var file = Path.Combine(_directory, "pools.json");
        Directory.CreateDirectory(file);
        var registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = file });
        var first = () => registry.Register("gpu-0", Valid);
        first.Should().Throw<Exception>();
        Directory.Delete(file);

        registry.Register("gpu-0", Valid);

        registry.Pools.Should().ContainSingle().Which.Id.Should().Be("gpu-0");
        new PoolStateStore(file).Load().Should().ContainSingle().Which.Id.Should().Be("gpu-0");
    }

    [Fact]
    public void Transition_SaveFails_TheChangeHoldsIsAnnouncedAndLogged()
    {
        var file = Path.Combine(_directory, "pools.json");
        var logger = new Runtime.Tests.Support.RecordingLogger();
        var registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = file, LoggerFactory = logger });
        var pool = registry.Register("gpu-0", Valid);
        var announced = new List<PoolState>();
        registry.PoolChanged += (_, s) => announced.Add(s.State);
        File.Delete(file);
        Directory.CreateDirectory(file);

        var act = () => pool.Transition(PoolState.Starting, m => m.CountRestart());

        act.Should().NotThrow("a change has happened whether or not the disk takes it");
        pool.State.Should().Be(PoolState.Starting);
        pool.Snapshot().RestartCount.Should().Be(1);
        announced.Should().Equal(PoolState.Starting);
        logger.Entries.Should().ContainSingle(e => e.EventId.Name == "StateSaveFailed")
            .Which.Fields["Path"].Should().Be(file);
    }

    [Fact]
    public void Transition_AfterASaveFailed_TheNextSaveWritesTheMissedChange()
    {
        var file = Path.Combine(_directory, "pools.json");
        var registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = file });
        var pool = registry.Register("gpu-0", Valid);
        File.Delete(file);
        Directory.CreateDirectory(file);
        pool.Update(m => m.CountCrash());
        Directory.Delete(file);

        pool.Update(m => m.SetLastError("later"));

        new PoolStateStore(file).Load().Should().ContainSingle().Which.CrashCount.Should().Be(1);
    }
}
