using FluentAssertions;
using NSubstitute;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Supervision;
using Runtime.Tests.Supervision.Pools;
using Runtime.Tests.Support;
using Xunit;
using Runtime.Common.Telemetry;
using Runtime.Common;

namespace Runtime.Tests.Supervision.Reload;

/// <summary>
/// Rules found unpinned by mutation testing (docs/mutation.md): what every result carries, the log of a reload, refusals,
/// a second reload of the same pool, and the coordinator's instruments.
/// </summary>
public sealed class ReloadRulesTests : ReloadCoordinatorFixture
{
    [Fact]
    public async Task EveryResult_CarriesTheCorrelationIdAndSaysNothingWasRolledBackUnlessItWas()
    {
        var reloaded = await _reloads.ReloadAsync("gpu-0", _v2, Deadline, correlationId: "c-1").WaitAsync(Bound);
        var current = await _reloads.ReloadAsync("gpu-0", _v2, Deadline, correlationId: "c-2").WaitAsync(Bound);
        var refused = await _reloads.ReloadAsync("gpu-9", _v2, Deadline, correlationId: "c-3").WaitAsync(Bound);
        _engines.StartEngineAsync("gpu-0", PoolTestData.Llama, Arg.Any<CancellationToken>())
            .Returns(EngineStartResult.Failed(6001, Runtime.Supervision.Crashes.CrashReason.ProcessExit, "exited"));
        var failed = await _reloads.ReloadAsync("gpu-0", PoolTestData.Llama, Deadline, correlationId: "c-4").WaitAsync(Bound);

        new[] { reloaded, current, refused, failed }.Select(r => (r.Status, r.CorrelationId, r.RolledBack)).Should().Equal(
            (ReloadStatus.Reloaded, "c-1", false),
            (ReloadStatus.AlreadyCurrent, "c-2", false),
            (ReloadStatus.Refused, "c-3", false),
            (ReloadStatus.Failed, "c-4", true));
        refused.Error.Should().Be("pool gpu-9 is not registered");
    }

    [Fact]
    public async Task ARefusalOfAnUnknownPoolByModel_IsLoggedUnderANewCorrelationId()
    {
        var refused = await _reloads.ReloadModelAsync("gpu-9", "llama-7b-v2", Deadline);

        refused.CorrelationId.Should().MatchRegex("^[0-9a-f]{12}$");
        _logger.Entries.Should().ContainSingle(e => e.EventId.Name == "ReloadRefused")
            .Which.Message.Should().EndWith($"[{refused.CorrelationId}]");
        new ReloadResult("gpu-0", ReloadStatus.Refused, null, "why", false, TimeSpan.Zero).CorrelationId.Should().BeEmpty();
    }

    [Fact]
    public async Task AReload_IsLoggedFromStartToEnd()
    {
        await _reloads.ReloadAsync("gpu-0", _v2, Deadline, correlationId: "c-1").WaitAsync(Bound);
        _provisioner.StageAsync("gpu-0", "llama-7b-v1", Arg.Any<CancellationToken>()).Returns(Task.FromException(new IOException("disk full")));
        await _reloads.ReloadAsync("gpu-0", PoolTestData.Llama, Deadline, correlationId: "c-2").WaitAsync(Bound);

        _logger.Entries.Select(e => e.EventId.Name).Should().Contain(["ReloadStarted", "ReloadSucceeded", "ReloadStarted", "ReloadFailed"]);
        _logger.WithEvent("ReloadSucceeded").Should().ContainSingle().Which.Fields.Should().Contain("CorrelationId", "c-1");
        _logger.WithEvent("ReloadFailed").Should().ContainSingle().Which.Fields.Should().Contain(new Dictionary<string, object?>
        {
            ["PoolId"] = "gpu-0", ["Step"] = "stage", ["Error"] = "disk full", ["RolledBack"] = true, ["CorrelationId"] = "c-2",
        });
    }

    [Fact]
    public async Task ReloadsOneAfterTheOther_AreEachLetThrough()
    {
        (await _reloads.ReloadAsync("gpu-0", _v2, Deadline).WaitAsync(Bound)).Status.Should().Be(ReloadStatus.Reloaded);

        (await _reloads.ReloadAsync("gpu-0", PoolTestData.Llama, Deadline).WaitAsync(Bound)).Status.Should().Be(ReloadStatus.Reloaded,
            "the first reload is over, so it no longer holds the pool");
    }

    [Theory]
    [InlineData(PoolState.Reloading, "pool gpu-0 is reloading")]
    [InlineData(PoolState.Failed, "pool gpu-0 is not ready")]
    public async Task APoolNotReady_IsRefusedSayingWhy(PoolState state, string why)
    {
        _pool.Transition(state);

        (await _reloads.ReloadAsync("gpu-0", _v2, Deadline)).Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Refused && r.Error == why);
    }

    [Fact]
    public async Task ANewEngineNotReadyWithoutAReason_IsSaidSo()
    {
        _engines.StartEngineAsync("gpu-0", _v2, Arg.Any<CancellationToken>()).Returns(new EngineStartResult(false, null, null, null, null));

        var result = await _reloads.ReloadAsync("gpu-0", _v2, Deadline).WaitAsync(Bound);

        result.Error.Should().Be("reload of pool gpu-0 failed at start_new: the new engine did not become ready");
    }

    [Fact]
    public async Task ARollbackFailingWithoutAReason_IsSaidSo()
    {
        _engines.StartEngineAsync("gpu-0", Arg.Any<EngineSpec>(), Arg.Any<CancellationToken>()).Returns(new EngineStartResult(false, null, null, null, null));

        var result = await _reloads.ReloadAsync("gpu-0", _v2, Deadline).WaitAsync(Bound);

        result.Error.Should().EndWith("; rollback failed: unknown");
    }

    [Fact]
    public async Task Duration_IsRecordedWithThePoolAndTheOutcome()
    {
        await _reloads.ReloadAsync("gpu-0", PoolTestData.Llama, Deadline).WaitAsync(Bound);

        _recorder.For(TelemetryNames.ReloadDuration).Should().ContainSingle().Which.Should().Match<RecordedMeasurement>(m =>
            m.Value == 0 && m.Tag("pool") == "gpu-0" && m.Tag("reload.outcome") == "alreadycurrent");
    }

    [Fact]
    public void Instruments_CarryTheirUnitsAndDescriptions()
    {
        using var drains = new DrainCoordinator(_registry, _engines);

        MeterOwnership.Instruments(() => new ReloadCoordinator(_registry, _engines, drains)).Should().Equal(new Dictionary<string, (string?, string?)>
        {
            [TelemetryNames.ReloadDuration] = ("s", "Time from reload start to its end."),
            [TelemetryNames.ReloadSuccesses] = ("{reload}", "Successful reloads."),
            [TelemetryNames.ReloadFailures] = ("{reload}", "Failed reloads by reason."),
        });
    }

    [Fact]
    public void Disposed_EndsItsOwnMeterOnly()
    {
        using var drains = new DrainCoordinator(_registry, _engines);
        using var factory = new ScopedMeterFactory();

        MeterOwnership.EndedOnDispose(() => new ReloadCoordinator(_registry, _engines, drains)).Should().Be((3, 3));
        MeterOwnership.EndedOnDispose(() => new ReloadCoordinator(_registry, _engines, drains, new ReloadOptions { MeterFactory = factory }))
            .Should().Be((3, 0));
    }

    [Fact]
    public async Task BadArguments_AreRefused()
    {
        FluentActions.Invoking(() => new ReloadCoordinator(_registry, _engines, _drains, new ReloadOptions { TimeProvider = null! }))
            .Should().Throw<ArgumentNullException>().WithParameterName("TimeProvider");
        FluentActions.Invoking(() => new ReloadCoordinator(_registry, _engines, _drains, new ReloadOptions { HandoffDirectory = " " }))
            .Should().Throw<ArgumentException>().WithParameterName("HandoffDirectory")
            .WithMessage("ReloadOptions.HandoffDirectory must be null or a directory path, got an empty string.*");
        await FluentActions.Awaiting(() => _reloads.ReloadAsync("gpu-0", null!, Deadline)).Should().ThrowAsync<ArgumentNullException>()
            .WithParameterName("target");
    }

    [Fact]
    public void StepNames_AreStable()
    {
        Enum.GetValues<ReloadStep>().Select(ReloadStepNames.GetName).Should().Equal(
            "drain_timeout", "stage", "stop_old", "start_new", "health_check", "handoff", "switch", "drain_old");
        FluentActions.Invoking(() => ReloadStepNames.GetName((ReloadStep)99)).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("step").WithMessage("Unknown reload step.*");
    }

    [Fact]
    public async Task AnEngineCrashDuringTheDrain_LeavesThePoolToTheSupervisor()
    {
        var lease = _pool.Acquire();
        var reload = _reloads.ReloadAsync("gpu-0", _v2, Deadline);
        _pool.Transition(PoolState.Failed); // what the supervisor does when the engine crashes

        lease.Release();
        var result = await reload.WaitAsync(Bound);

        result.Should().Match<ReloadResult>(r => r.FailedStep == ReloadStep.Drain && !r.RolledBack);
        result.Error.Should().EndWith("pool gpu-0 left Draining for Failed during the drain");
        _pool.State.Should().Be(PoolState.Failed);
        await _provisioner.DidNotReceiveWithAnyArgs().StageAsync(default!, default!, default);
    }
}
