using FluentAssertions;
using Runtime.Supervision.Pools;
using Xunit;

namespace Runtime.Tests.Supervision.Pools;

/// <summary>
/// Rules found unpinned by mutation testing (docs/mutation.md): what each kind of bad state file is refused with, the size
/// cap's edge, and a state file in a directory that does not exist yet.
/// </summary>
public sealed class PoolStateFileRulesTests : IDisposable
{
    private const string Pool = """{"id":"gpu-0","command":"serve","arguments":[],"model":"m","engine_version":"1"}""";
    private readonly string _directory = Directory.CreateTempSubdirectory("pool-state-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string StateFile => Path.Combine(_directory, "pools.json");

    [Theory]
    [InlineData("null", "holds null instead of a state document")]
    [InlineData("""{"version":1}""", "has no 'pools' list")]
    [InlineData("""{"version":1,"pools":[{"command":"serve","arguments":[],"model":"m","engine_version":"1"}]}""", "has a pool (#1) without 'id'")]
    [InlineData("""{"version":1,"pools":[{"id":"gpu-0","arguments":[],"model":"m","engine_version":"1"}]}""", "has a pool (#1, 'gpu-0') without 'command'")]
    [InlineData("""{"version":1,"pools":[{"id":"gpu-0","command":"serve","model":"m","engine_version":"1"}]}""", "has a pool (#1, 'gpu-0') without 'arguments'")]
    [InlineData("""{"version":1,"pools":[{"id":"gpu-0","command":"serve","arguments":[],"model":"m"}]}""", "has a pool (#1, 'gpu-0') without 'engine_version'")]
    [InlineData("""{"version":1,"pools":[{"id":"","command":"serve","arguments":[],"model":"m","engine_version":"1"}]}""", "has a pool (#1) without 'id'")]
    [InlineData("""{"version":1,"pools":[{"id":"gpu-0","command":"","arguments":[],"model":"m","engine_version":"1"}]}""", "has a pool (#1, 'gpu-0') without 'command'")]
    [InlineData("""{"version":1,"pools":[{"id":"gpu-0","command":"serve","arguments":[],"model":"m","engine_version":"1","memory_mib":0}]}""", "has a memory that is not positive for pool 'gpu-0'")]
    [InlineData("""{"version":1,"pools":[{"id":"gpu-0","command":"serve","arguments":[],"model":"m","engine_version":"1","device_memory_mib":0}]}""", "has a memory that is not positive for pool 'gpu-0'")]
    [InlineData("""{"version":1,"pools":[{"id":"gpu-0","command":"serve","arguments":[],"model":"m","engine_version":"1","crash_count":-1}]}""", "has negative counters for pool 'gpu-0'")]
    [InlineData("""{"version":1,"pools":[{"id":"gpu-0","command":"serve","arguments":[],"model":"m","engine_version":"1","restart_count":-1}]}""", "has negative counters for pool 'gpu-0'")]
    public void Load_BadDocument_IsRefusedSayingWhat(string json, string problem)
    {
        File.WriteAllText(StateFile, json);

        FluentActions.Invoking(() => new PoolStateStore(StateFile).Load()).Should().Throw<PoolStateFileException>()
            .WithMessage($"*{StateFile}*{problem}*");
    }

    [Fact]
    public void Load_FileExactlyAtTheSizeCap_IsRead()
    {
        var document = $$"""{"version":1,"pools":[{{Pool}}]}""";
        File.WriteAllText(StateFile, document + new string(' ', (int)PoolDefaults.MaxStateFileBytes - document.Length));

        new PoolStateStore(StateFile).Load().Should().ContainSingle();
    }

    [Fact]
    public void Save_IntoADirectoryNotThereYet_CreatesIt()
    {
        var path = Path.Combine(_directory, "state", "pools.json");
        var registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = path });

        registry.Register("gpu-0", PoolTestData.Llama);

        new PoolStateStore(path).Load().Should().ContainSingle().Which.Id.Should().Be("gpu-0");
    }

    [Fact]
    public void LoadState_WithoutAStateFile_SaysHowToConfigureOne() =>
        FluentActions.Invoking(() => new PoolRegistry().LoadState()).Should().Throw<InvalidOperationException>()
            .WithMessage("no state file is configured (PoolRegistryOptions.StateFilePath)");
}
