using FluentAssertions;
using NSubstitute;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Tests.Supervision;
using Xunit;
using Runtime.Common.Telemetry;

namespace Runtime.Tests.Supervision.Reload;

/// <summary>A surge reload that succeeds: the new engine first, new leases to it, the old engine's leases finish there.</summary>
public sealed class SurgeReloadTests : SurgeFixture
{
    [Fact]
    public async Task Surge_AfterTheSwitch_NewLeasesGoToTheNewEngineAndHeldOnesFinishOnTheOld()
    {
        var held = _pool.Acquire();

        var reload = Surge("llama-7b-v2");
        await Switched();
        var fresh = _pool.Acquire();

        held.Endpoint.Should().Be(_oldEndpoint.Uri, "a lease held before the switch finishes on the old engine");
        fresh.Endpoint.Should().Be(_newEndpoint.Uri, "a lease granted after the switch goes to the new engine");
        OldEngine.HasExited.Should().BeFalse("the old engine serves its lease until it is released");
        reload.IsCompleted.Should().BeFalse("the reload waits for the old engine's lease");
        held.Release();
        var result = await reload.WaitAsync(PoolEvents.Bound);

        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Reloaded && r.Strategy == ReloadStrategy.Surge && !r.FellBackToDrainFirst && r.AbandonedLeases == 0, result.Error);
        (await OldEngine.Exited.WaitAsync(PoolEvents.Bound)).IsGraceful.Should().BeTrue("the old engine is stopped gracefully once its leases finished");
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Spec.Model == "llama-7b-v2" && s.Pid != OldEngine.Pid);
        HandoffFile.Read(HandoffFile.PathFor(_handoff, "gpu-0")).Should().Match<HandoffFile>(h => h.Pid == _pool.Snapshot().Pid && h.Model == "llama-7b-v2");
        fresh.Release();
    }

    [Fact]
    public async Task Surge_NeverRefusesALeaseAndThePoolStaysReady()
    {
        var refusals = new List<LeaseRefusal>();
        _pool.Changed += (_, _) =>
        {
            var refusal = _pool.TryAcquire(out var lease);
            lease.Release();
            lock (refusals)
            {
                refusals.Add(refusal);
            }
        };

        var result = await Surge("llama-7b-v2").WaitAsync(PoolEvents.Bound);

        result.Status.Should().Be(ReloadStatus.Reloaded, result.Error);
        refusals.Should().NotBeEmpty().And.OnlyContain(r => r == LeaseRefusal.None, "a surge refuses no lease");
        History().Should().OnlyContain(s => s.State == PoolState.Ready, "the pool serves throughout a surge");
    }

    [Fact]
    public async Task Surge_OldLeaseHeldPastTheDeadline_IsAbandonedAndTheOldEngineKilledAtTheDeadline()
    {
        var held = _pool.Acquire();
        var reload = Surge("llama-7b-v2");
        await Switched();

        _time.Advance(Deadline - TimeSpan.FromSeconds(1));
        OldEngine.HasExited.Should().BeFalse("the old engine's lease has until the deadline");
        _time.Advance(TimeSpan.FromSeconds(1));
        var result = await reload.WaitAsync(PoolEvents.Bound);

        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Reloaded && r.AbandonedLeases == 1, result.Error);
        (await OldEngine.Exited.WaitAsync(PoolEvents.Bound)).SignalName.Should().Be("SIGKILL", "at the deadline the old engine is stopped by force");
        _logger.WithEvent("ReloadOldEngineStopped").Should().ContainSingle().Which.Fields.Should().Contain("AbandonedLeases", 1);
        held.Release();
    }

    [Fact]
    public async Task Surge_StagesTheModelBeforeStartingTheNewEngine_AndCarriesOneCorrelationId()
    {
        _provisioner.StageAsync("gpu-0", "llama-7b-v2", Arg.Any<CancellationToken>()).Returns(_ =>
        {
            _engines.Started.Should().HaveCount(1, "the model is staged before the new engine starts");
            return Task.CompletedTask;
        });

        var result = await Surge("llama-7b-v2", correlationId: "surge-1").WaitAsync(PoolEvents.Bound);

        result.CorrelationId.Should().Be("surge-1");
        await _provisioner.Received(1).StageAsync("gpu-0", "llama-7b-v2", Arg.Any<CancellationToken>());
        _logger.Entries.Where(e => e.EventId.Name!.StartsWith("Reload", StringComparison.Ordinal)).Select(e => e.EventId.Name)
            .Should().Equal("ReloadStarted", "ReloadSwitched", "ReloadOldEngineStopped", "ReloadSucceeded");
        _logger.Entries.Where(e => e.EventId.Name!.StartsWith("Reload", StringComparison.Ordinal))
            .Should().OnlyContain(e => (string?)e.Fields["CorrelationId"] == "surge-1");
    }

    [Fact]
    public async Task Surge_IsTimedAndCountedAsAReload_TaggedWithItsStrategy()
    {
        await Surge("llama-7b-v2").WaitAsync(PoolEvents.Bound);

        _recorder.For(TelemetryNames.ReloadDuration).Should().ContainSingle().Which.Tag(TelemetryNames.ReloadStrategyTag).Should().Be("surge");
        _recorder.For(TelemetryNames.ReloadSuccesses).Should().ContainSingle().Which.Value.Should().Be(1);
    }

    [Fact]
    public async Task Surge_LeavesOneEngineRunning_TheNewOne()
    {
        await Surge("llama-7b-v2").WaitAsync(PoolEvents.Bound);

        _engines.Started.Where(e => !e.HasExited).Select(e => e.Pid).Should().Equal([_pool.Snapshot().Pid!.Value], "only the new engine is left");
        _supervisor.EngineOf("gpu-0")!.Pid.Should().Be(_pool.Snapshot().Pid);
    }
}
