using FluentAssertions;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Tests.Supervision;
using Xunit;
using Runtime.Common.Telemetry;

namespace Runtime.Tests.Supervision.Reload;

/// <summary>A surge without room for both engines falls back to drain-first and says so; bad requests throw.</summary>
public sealed class SurgeFallbackTests : SurgeFixture
{
    [Fact]
    public async Task Surge_WithoutRoomForBothEngines_FallsBackToDrainFirstAndSaysSoInResultAndLog()
    {
        var big = Spec("llama-70b-v1", memoryMiB: 20000);

        var result = await _reloads.ReloadAsync("gpu-0", big, Deadline, correlationId: "c-9", strategy: ReloadStrategy.Surge).WaitAsync(PoolEvents.Bound);

        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Reloaded && r.Strategy == ReloadStrategy.DrainFirst && r.FellBackToDrainFirst, result.Error);
        result.FallbackReason.Should().Be("pool gpu-0 has 24000 MiB of device memory, both engines need 28000 MiB (llama-7b-v1 8000, llama-70b-v1 20000)");
        OldEngine.HasExited.Should().BeTrue("drain-first stops the old engine before the new one starts");
        _logger.WithEvent("ReloadFellBack").Should().ContainSingle().Which.Fields.Should().Contain(new Dictionary<string, object?>
        {
            ["PoolId"] = "gpu-0", ["Why"] = result.FallbackReason, ["CorrelationId"] = "c-9",
        });
        _recorder.For(TelemetryNames.ReloadDuration).Should().ContainSingle().Which.Tag(TelemetryNames.ReloadStrategyTag).Should().Be("drain_first");
    }

    [Fact]
    public async Task Surge_ThatFitsExactly_IsASurge()
    {
        var result = await _reloads.ReloadAsync("gpu-0", Spec("llama-13b-v1", memoryMiB: 16000), Deadline, strategy: ReloadStrategy.Surge).WaitAsync(PoolEvents.Bound);

        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Reloaded && r.Strategy == ReloadStrategy.Surge && !r.FellBackToDrainFirst, result.Error);
    }

    [Fact]
    public async Task DrainFirst_IsTheDefault()
    {
        var result = await _reloads.ReloadAsync("gpu-0", Spec("llama-7b-v2"), Deadline).WaitAsync(PoolEvents.Bound);

        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Reloaded && r.Strategy == ReloadStrategy.DrainFirst && !r.FellBackToDrainFirst);
        _engines.Started[0].HasExited.Should().BeTrue();
    }

    [Fact]
    public async Task ReloadAsync_BadRequests_ThrowNamingWhatIsWrong()
    {
        await FluentActions.Awaiting(() => _reloads.ReloadAsync("gpu-0", Spec("llama-7b-v2"), Deadline, strategy: (ReloadStrategy)7))
            .Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("strategy");
        await FluentActions.Awaiting(() => Surge("llama-7b-v2", deadline: TimeSpan.FromSeconds(-1)))
            .Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("drainDeadline");
        await FluentActions.Awaiting(() => _reloads.ReloadAsync("gpu-0", Spec("llama-7b-v2", memoryMiB: 0), Deadline, strategy: ReloadStrategy.Surge))
            .Should().ThrowAsync<ArgumentException>().WithMessage("EngineSpec.MemoryMiB must be null or positive, got 0");
        FluentActions.Invoking(() => _registry.Register("gpu-1", Spec("llama-7b-v1"), deviceMemoryMiB: -1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("deviceMemoryMiB");
        _registry.TryGet("gpu-1", out _).Should().BeFalse();
        _engines.Started.Should().HaveCount(1, "nothing was started for a bad request");
    }
}
