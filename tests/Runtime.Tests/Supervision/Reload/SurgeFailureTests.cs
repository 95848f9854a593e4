using FluentAssertions;
using NSubstitute;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Tests.Supervision;
using Xunit;
using Runtime.Common.Telemetry;

namespace Runtime.Tests.Supervision.Reload;

/// <summary>A surge that fails, and crashes and operators during a surge: the pool never goes without a serving engine.</summary>
public sealed class SurgeFailureTests : SurgeFixture
{
    [Fact]
    public async Task Surge_NewEngineNeverHealthy_FailsAtTheHealthCheckAndTheOldEngineNeverStopsServing()
    {
        var reload = Surge("broken-v2");
        await PoolEvents.WaitFor(_pool, _ => _engines.Started.Count == 2);
        _time.Advance(TimeSpan.FromSeconds(60));
        var result = await reload.WaitAsync(PoolEvents.Bound);

        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Failed && r.FailedStep == ReloadStep.HealthCheck && r.Strategy == ReloadStrategy.Surge, result.Error);
        OldEngine.HasExited.Should().BeFalse("the old engine never stops serving");
        _engines.Started[1].HasExited.Should().BeTrue();
        (await _engines.Started[1].Exited).Should().Be(EngineExit.Killed(Signals.SIGKILL), "the new engine that failed never served: it is killed, not asked to stop");
        History().Should().NotContain(s => s.State != PoolState.Ready || s.Pid != OldEngine.Pid, "the pool serves on its old engine throughout");
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Pid == OldEngine.Pid && s.Spec.Model == "llama-7b-v1");
        await _provisioner.Received(1).RestoreAsync("gpu-0", "llama-7b-v1", Arg.Any<CancellationToken>());
        _recorder.For(TelemetryNames.ReloadFailures).Should().ContainSingle().Which.Tag(TelemetryNames.ReloadStepTag).Should().Be("health_check");
    }

    [Fact]
    public async Task Surge_NewEngineCannotStart_FailsAtStartNewAndTheOldEngineServes()
    {
        var result = await Surge("unloadable-v2").WaitAsync(PoolEvents.Bound);

        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Failed && r.FailedStep == ReloadStep.StartNew && r.RolledBack, result.Error);
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Pid == OldEngine.Pid && s.Spec.Model == "llama-7b-v1");
        _pool.TryAcquire(out var lease).Should().Be(LeaseRefusal.None);
        lease.Endpoint.Should().Be(_oldEndpoint.Uri);
        lease.Release();
    }

    [Fact]
    public async Task Surge_NewEngineCrashesWhileTheOldDrains_TheOldServesAgainAndTheReloadFails()
    {
        var held = _pool.Acquire();
        var reload = Surge("llama-7b-v2");
        await Switched();

        _engines.Started[1].Crash();
        var result = await reload.WaitAsync(PoolEvents.Bound);

        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Failed && r.FailedStep == ReloadStep.DrainOld, result.Error);
        result.Error.Should().Contain("still serving llama-7b-v1 on engine 1.0");
        OldEngine.HasExited.Should().BeFalse("the old engine serves again");
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Live && s.Pid == OldEngine.Pid && s.Spec.Model == "llama-7b-v1" && s.CrashCount == 1);
        _pool.Acquire().Endpoint.Should().Be(_oldEndpoint.Uri, "new leases go to the old engine again");
        HandoffFile.Read(HandoffFile.PathFor(_handoff, "gpu-0")).Should().Match<HandoffFile>(h => h.Pid == OldEngine.Pid && h.Model == "llama-7b-v1", "the handoff file names the old engine again");
        _time.Advance(TimeSpan.FromMinutes(10));
        _engines.Started.Should().HaveCount(2, "nothing is restarted: the old engine serves");
        held.Release();
    }

    [Fact]
    public async Task Surge_OldEngineCrashesWhileItDrains_TheNewEngineIsUndisturbed()
    {
        _pool.Acquire();
        var reload = Surge("llama-7b-v2");
        await Switched();

        OldEngine.Crash();
        var result = await reload.WaitAsync(PoolEvents.Bound);
        _time.Advance(TimeSpan.FromMinutes(10));

        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Reloaded && r.AbandonedLeases == 1, result.Error);
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Pid == _engines.Started[1].Pid && s.CrashCount == 0 && s.LastError == null);
        _engines.Started.Should().HaveCount(2, "the old engine is not restarted");
        History().Should().OnlyContain(s => s.State == PoolState.Ready, "the new engine serves throughout");
        _logger.WithEvent("RestartScheduled").Should().BeEmpty("the restart policies do not hear of the old engine's end");
    }

    [Fact]
    public async Task OperatorsDrainDuringASurge_StopsBothEngines()
    {
        var onOld = _pool.Acquire();
        var reload = Surge("llama-7b-v2");
        await Switched();
        var onNew = _pool.Acquire();

        var drain = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(10));
        onNew.Release();
        _time.Advance(TimeSpan.FromSeconds(10));
        var outcome = await drain.WaitAsync(PoolEvents.Bound);
        var result = await reload.WaitAsync(PoolEvents.Bound);

        outcome.Should().Match<DrainOutcome>(o => o.Status == DrainStatus.ForceStopped && o.AbandonedLeases.SequenceEqual(new[] { onOld.Id }));
        _engines.Started.Should().HaveCount(2).And.OnlyContain(e => e.HasExited, "the operator's drain stops both engines, the old one before the reload's deadline");
        _pool.Snapshot().State.Should().Be(PoolState.Stopped);
        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Failed && r.FailedStep == ReloadStep.DrainOld, result.Error);
        result.Error.Should().Be("reload of pool gpu-0 failed at drain_old: pool gpu-0 was drained or stopped during the surge, and both engines with it");
    }

    [Fact]
    public async Task OperatorsDrainWhileTheNewEngineStarts_StopsBothAndTheReloadFails()
    {
        var reload = Surge("broken-v2");
        await PoolEvents.WaitFor(_pool, _ => _engines.Started.Count == 2);

        await _drains.DrainAsync("gpu-0", Deadline).WaitAsync(PoolEvents.Bound);
        var result = await reload.WaitAsync(PoolEvents.Bound);

        result.Status.Should().Be(ReloadStatus.Failed, "the drain stopped the new engine before it was ready");
        _engines.Started.Should().OnlyContain(e => e.HasExited, "the operator's drain stops both engines");
        _pool.Snapshot().State.Should().Be(PoolState.Stopped);
    }

    [Fact]
    public async Task Surge_HandoffCannotBeWritten_SwitchesBackToTheOldEngine()
    {
        var notADirectory = Path.GetTempFileName();
        using var reloads = new ReloadCoordinator(_registry, _supervisor, _drains, new ReloadOptions { TimeProvider = _time, HandoffDirectory = notADirectory });

        var result = await reloads.ReloadAsync("gpu-0", Spec("llama-7b-v2"), Deadline, strategy: ReloadStrategy.Surge).WaitAsync(PoolEvents.Bound);

        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Failed && r.FailedStep == ReloadStep.Handoff && r.RolledBack, result.Error);
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Pid == OldEngine.Pid && s.Spec.Model == "llama-7b-v1" && s.CrashCount == 0);
        _engines.Started[1].HasExited.Should().BeTrue("the new engine is killed");
        OldEngine.HasExited.Should().BeFalse();
        using var lease = _pool.Acquire();
        lease.Endpoint.Should().Be(_oldEndpoint.Uri, "new leases go to the old engine again");
        File.Delete(notADirectory);
    }

    [Fact]
    public async Task Surge_CancelledWhileTheNewEngineStarts_KillsItAndTheOldServes()
    {
        using var cancel = new CancellationTokenSource();
        var reload = Surge("broken-v2", cancellationToken: cancel.Token);
        await PoolEvents.WaitFor(_pool, _ => _engines.Started.Count == 2);

        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => reload.WaitAsync(PoolEvents.Bound)).Should().ThrowAsync<OperationCanceledException>();
        _engines.Started[1].HasExited.Should().BeTrue();
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Pid == OldEngine.Pid);
    }
}
