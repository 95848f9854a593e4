using FluentAssertions;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Xunit;

namespace Runtime.Tests.Supervision.Reload;

public sealed class SurgeCapacityTests
{
    private static readonly EngineSpec Old = new("serve", [], "llama-7b-v1", "1.0") { MemoryMiB = 8000 };
    private static readonly EngineSpec New = Old with { Model = "llama-7b-v2", MemoryMiB = 9000 };

    [Theory]
    [InlineData(17000L, null)]
    [InlineData(16999L, "pool gpu-0 has 16999 MiB of device memory, both engines need 17000 MiB (llama-7b-v1 8000, llama-7b-v2 9000)")]
    [InlineData(null, "pool gpu-0 declares no device memory")]
    public void WhyNoRoom_ComparesBothEnginesWithThePoolsMemory(long? deviceMemory, string? why) =>
        SurgeCapacity.WhyNoRoom(Pool(deviceMemory), Old, New).Should().Be(why);

    [Fact]
    public void WhyNoRoom_AnEngineWithoutADeclaredNeed_LeavesNoRoom()
    {
        SurgeCapacity.WhyNoRoom(Pool(100_000), Old with { MemoryMiB = null }, New).Should().Be("llama-7b-v1 on engine 1.0 declares no memory need");
        SurgeCapacity.WhyNoRoom(Pool(100_000), Old, New with { MemoryMiB = null }).Should().Be("llama-7b-v2 on engine 1.0 declares no memory need");
    }

    [Fact]
    public void WhyNoRoom_WithoutAPoolOrAnEngine_IsRefusedNamingWhatIsMissing()
    {
        FluentActions.Invoking(() => SurgeCapacity.WhyNoRoom(null!, Old, New)).Should().Throw<ArgumentNullException>().WithParameterName("pool");
        FluentActions.Invoking(() => SurgeCapacity.WhyNoRoom(Pool(17000), null!, New)).Should().Throw<ArgumentNullException>().WithParameterName("old");
        FluentActions.Invoking(() => SurgeCapacity.WhyNoRoom(Pool(17000), Old, null!)).Should().Throw<ArgumentNullException>().WithParameterName("target");
    }

    [Fact]
    public void Capacity_SurvivesAManagerRestart()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("surge-capacity-").FullName, "pools.json");
        new PoolRegistry(new PoolRegistryOptions { StateFilePath = file }).Register("gpu-0", Old, deviceMemoryMiB: 24000);

        var restored = new PoolRegistry(new PoolRegistryOptions { StateFilePath = file }).LoadState().Single();

        restored.DeviceMemoryMiB.Should().Be(24000);
        restored.Spec.MemoryMiB.Should().Be(8000);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    private static PoolSnapshot Pool(long? deviceMemory) =>
        new("gpu-0", Old, new Dictionary<string, string>(), PoolState.Ready, true, true, 0, 0, 0, null, 1, null) { DeviceMemoryMiB = deviceMemory };
}
