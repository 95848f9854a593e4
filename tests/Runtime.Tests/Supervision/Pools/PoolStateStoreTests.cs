using FluentAssertions;
using Runtime.Supervision.Pools;
using Xunit;

namespace Runtime.Tests.Supervision.Pools;

public sealed class PoolStateStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pool-state-").FullName;

    private string StateFile => Path.Combine(_directory, "pools.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void LoadState_AfterCrashesAndRestarts_RestoresCountersAndMetadata()
    {
        var first = new PoolRegistry(new PoolRegistryOptions { StateFilePath = StateFile });
        var pool = PoolTestData.ReadyPool(first);
        pool.Update(m =>
        {
            m.CountCrash();
            m.CountCrash();
            m.CountRestart();
            m.SetLastError("signal: killed by SIGSEGV");
        });

        var second = new PoolRegistry(new PoolRegistryOptions { StateFilePath = StateFile });
        var restored = second.LoadState().Should().ContainSingle().Subject.Snapshot();

        restored.Id.Should().Be("gpu-0");
        restored.CrashCount.Should().Be(2);
        restored.RestartCount.Should().Be(1);
        restored.LastError.Should().Be("signal: killed by SIGSEGV");
        restored.Metadata.Should().Contain("CUDA_VISIBLE_DEVICES", "0");
        restored.Spec.Model.Should().Be("llama-7b-v1");
        restored.State.Should().Be(PoolState.Registered);
        restored.Live.Should().BeFalse();
    }

    [Fact]
    public void Save_Atomic_LeavesNoTemporaryFile()
    {
        var registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = StateFile });
        PoolTestData.ReadyPool(registry);

        Directory.GetFiles(_directory).Should().Equal(StateFile);
    }

    [Fact]
    public void Load_MissingFile_IsEmpty() => new PoolStateStore(StateFile).Load().Should().BeEmpty();

    [Fact]
    public void Load_TruncatedFile_ThrowsNamingFileAndProblem()
    {
        var registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = StateFile });
        PoolTestData.ReadyPool(registry);
        var bytes = File.ReadAllBytes(StateFile);
        File.WriteAllBytes(StateFile, bytes[..(bytes.Length / 2)]);

        var act = () => new PoolStateStore(StateFile).Load();

        act.Should().Throw<PoolStateFileException>()
            .Where(e => e.Path == StateFile && e.Message.StartsWith($"pool state file '{StateFile}' is corrupt or truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_EmptyFile_Throws()
    {
        File.WriteAllText(StateFile, "");

        var act = () => new PoolStateStore(StateFile).Load();

        act.Should().Throw<PoolStateFileException>().WithMessage("*is empty (0 bytes)");
    }

    [Fact]
    public void Load_PoolWithoutModel_ThrowsNamingThePool()
    {
        File.WriteAllText(StateFile, """{"version":1,"pools":[{"id":"gpu-0","command":"serve","arguments":[],"engine_version":"1"}]}""");

        var act = () => new PoolStateStore(StateFile).Load();

        act.Should().Throw<PoolStateFileException>().WithMessage("*has a pool (#1, 'gpu-0') without 'model'");
    }

    [Fact]
    public void Load_NullPool_ThrowsNamingTheFileAndThePosition()
    {
        File.WriteAllText(StateFile, """{"version":1,"pools":[null]}""");

        var act = () => new PoolStateStore(StateFile).Load();

        act.Should().Throw<PoolStateFileException>().WithMessage($"*{StateFile}*has no pool at #1 (null)*");
    }

    [Fact]
    public void Load_SamePoolTwice_ThrowsInsteadOfDroppingOne()
    {
        const string pool = """{"id":"gpu-0","command":"serve","arguments":[],"model":"m","engine_version":"1"}""";
        File.WriteAllText(StateFile, $$"""{"version":1,"pools":[{{pool}},{{pool}}]}""");

        var act = () => new PoolStateStore(StateFile).Load();

        act.Should().Throw<PoolStateFileException>().WithMessage("*has pool 'gpu-0' twice (#1 and #2)*");
    }

    [Fact]
    public void Load_PathIsADirectory_ThrowsInsteadOfLoadingNothing()
    {
        Directory.CreateDirectory(StateFile);

        var act = () => new PoolStateStore(StateFile).Load();

        act.Should().Throw<PoolStateFileException>().WithMessage("*is a directory, not a state file*");
    }

    [Fact]
    public void Load_FileOverTheSizeCap_ThrowsWithoutReadingIt()
    {
        using (var file = File.Create(StateFile))
        {
            file.SetLength(PoolDefaults.MaxStateFileBytes + 1);
        }

        var act = () => new PoolStateStore(StateFile).Load();

        act.Should().Throw<PoolStateFileException>().WithMessage($"*is larger than {PoolDefaults.MaxStateFileBytes} bytes*");
    }

    [Fact]
    public void Save_WhileAnotherStoreOfThisProcessIsMidSave_DoesNotCollide()
    {
        // Another store on the same path, in this process, holds its temporary file open mid-save; the temporary name
        // used to be the path plus the pid, so both wrote (and renamed) one file.
        var other = Path.Combine(_directory, $".pools.json.{Environment.ProcessId}.tmp");
        using var midSave = new FileStream(other, FileMode.Create, FileAccess.Write, FileShare.None);
        midSave.Write("{\"version\":1,"u8);
        var registry = new PoolRegistry();
        var pools = new[] { PoolTestData.ReadyPool(registry).Snapshot() };

        var act = () => new PoolStateStore(StateFile).Save(pools);

        act.Should().NotThrow();
        new PoolStateStore(StateFile).Load().Should().ContainSingle().Which.Id.Should().Be("gpu-0");
        File.ReadAllText(StateFile).Should().Contain("gpu-0");
        midSave.Length.Should().Be(13, "the other store's half-written file is its own, untouched");
    }

    [Fact]
    public void Load_TemporaryFilesOfWritersThatAreGone_AreDeleted()
    {
        var gone = Path.Combine(_directory, ".pools.json.2147483646.0123456789abcdef.tmp");
        var oldStyle = Path.Combine(_directory, ".pools.json.2147483645.tmp");
        var ours = Path.Combine(_directory, $".pools.json.{Environment.ProcessId}.feedface.tmp");
        foreach (var file in new[] { gone, oldStyle, ours })
        {
            File.WriteAllText(file, "{\"version\":1,");
        }

        new PoolStateStore(StateFile).Load().Should().BeEmpty();

        File.Exists(gone).Should().BeFalse("its writer is gone");
        File.Exists(oldStyle).Should().BeFalse("its writer is gone");
        File.Exists(ours).Should().BeTrue("a running writer's file may be in use");
    }

    [Fact]
    public void DeleteStaleTemporaryFiles_CountsTheFilesItDeleted()
    {
        File.WriteAllText(Path.Combine(_directory, ".pools.json.2147483646.0123456789abcdef.tmp"), "{");
        File.WriteAllText(Path.Combine(_directory, ".pools.json.2147483645.tmp"), "{");
        File.WriteAllText(Path.Combine(_directory, $".pools.json.{Environment.ProcessId}.feedface.tmp"), "{");

        new PoolStateStore(StateFile).DeleteStaleTemporaryFiles().Should().Be(2, "the running writer's file is kept");
    }

    [Fact]
    public void DeleteStaleTemporaryFiles_DirectoryNotThereYet_DeletesNothing() =>
        new PoolStateStore(Path.Combine(_directory, "state", "pools.json")).DeleteStaleTemporaryFiles().Should().Be(0);

    [Fact]
    public void Load_OtherVersion_Throws()
    {
        File.WriteAllText(StateFile, """{"version":7,"pools":[]}""");

        var act = () => new PoolStateStore(StateFile).Load();

        act.Should().Throw<PoolStateFileException>().WithMessage("*has version 7, expected 1");
    }

    [Fact]
    public void LoadState_CorruptFile_RegistersNothing()
    {
        File.WriteAllText(StateFile, "{\"version\":1,\"pools\":[{\"id\":");
        var registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = StateFile });

        var act = () => registry.LoadState();

        act.Should().Throw<PoolStateFileException>();
        registry.Pools.Should().BeEmpty();
    }
}
