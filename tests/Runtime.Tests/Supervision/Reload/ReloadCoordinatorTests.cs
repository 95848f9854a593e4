using FluentAssertions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Supervision;
using Runtime.Tests.Supervision.Pools;
using Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Runtime.Common.Telemetry;
using Runtime.Common;

namespace Runtime.Tests.Supervision.Reload;

public sealed class ReloadCoordinatorTests : ReloadCoordinatorFixture
{
    [Fact]
    public async Task ReloadAsync_NewModel_ServesItAndWritesTheHandoff()
    {
        var result = await _reloads.ReloadAsync("gpu-0", _v2, Deadline).WaitAsync(Bound);

        result.Status.Should().Be(ReloadStatus.Reloaded);
        var s = _pool.Snapshot();
        s.Ready.Should().BeTrue();
        s.Spec.Model.Should().Be("llama-7b-v2");
        s.Metadata.Should().Contain("CUDA_VISIBLE_DEVICES", "0");
        Received.InOrder(() =>
        {
            _provisioner.StageAsync("gpu-0", "llama-7b-v2", Arg.Any<CancellationToken>());
            _engines.StopEngineAsync("gpu-0", false, Arg.Any<CancellationToken>());
            _engines.StartEngineAsync("gpu-0", _v2, Arg.Any<CancellationToken>());
        });
        var handoff = HandoffFile.Read(HandoffFile.PathFor(_handoff, "gpu-0"));
        handoff.Should().Match<HandoffFile>(h => h.Pool == "gpu-0" && h.Model == "llama-7b-v2" && h.EngineVersion == "1.4.2" && h.Pid == s.Pid);
        _recorder.For(TelemetryNames.ReloadSuccesses).Should().ContainSingle().Which.Tag("pool").Should().Be("gpu-0");
    }

    [Fact]
    public async Task ReloadAsync_SameVersion_IsIdempotentAndSkipsStaging()
    {
        var result = await _reloads.ReloadAsync("gpu-0", PoolTestData.Llama, Deadline);

        result.Status.Should().Be(ReloadStatus.AlreadyCurrent);
        result.Succeeded.Should().BeTrue();
        await _provisioner.DidNotReceiveWithAnyArgs().StageAsync(default!, default!, default);
        await _engines.DidNotReceiveWithAnyArgs().StopEngineAsync(default!, default, default);
    }

    [Fact]
    public async Task ReloadAsync_LeaseOutlivesDeadline_AbortsAndServesTheOldEngine()
    {
        _pool.Acquire();
        var reload = _reloads.ReloadAsync("gpu-0", _v2, Deadline);

        _time.Advance(Deadline);
        var result = await reload.WaitAsync(Bound);

        result.FailedStep.Should().Be(ReloadStep.Drain);
        result.Error.Should().StartWith("reload of pool gpu-0 failed at drain_timeout: drain deadline passed with 1 active leases");
        result.RolledBack.Should().BeFalse("nothing was swapped, so nothing was rolled back");
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Spec.Model == "llama-7b-v1");
        await _provisioner.DidNotReceiveWithAnyArgs().StageAsync(default!, default!, default);
        _recorder.For(TelemetryNames.ReloadFailures).Should().ContainSingle().Which.Tag("reload.step").Should().Be("drain_timeout");
    }

    [Fact]
    public async Task ReloadAsync_StagingFails_RestoresTheModelAndKeepsTheOldEngine()
    {
        _provisioner.StageAsync("gpu-0", "llama-7b-v2", Arg.Any<CancellationToken>()).ThrowsAsync(new IOException("disk full"));

        var result = await _reloads.ReloadAsync("gpu-0", _v2, Deadline).WaitAsync(Bound);

        result.Should().Match<ReloadResult>(r => r.FailedStep == ReloadStep.Stage && r.RolledBack && r.Error == "reload of pool gpu-0 failed at stage: disk full");
        await _provisioner.Received(1).RestoreAsync("gpu-0", "llama-7b-v1", Arg.Any<CancellationToken>());
        await _engines.DidNotReceiveWithAnyArgs().StopEngineAsync(default!, default, default);
        await _engines.DidNotReceiveWithAnyArgs().StartEngineAsync(default!, default!, default);
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Spec.Model == "llama-7b-v1");
    }

    [Fact]
    public async Task ReloadAsync_NewEngineUnhealthy_RestartsTheOldEngine()
    {
        _engines.StartEngineAsync("gpu-0", _v2, Arg.Any<CancellationToken>())
            .Returns(EngineStartResult.Failed(6001, Runtime.Supervision.Crashes.CrashReason.StartupFailure, "startup_failure: not ready within 60 s"));

        var result = await _reloads.ReloadAsync("gpu-0", _v2, Deadline).WaitAsync(Bound);

        result.FailedStep.Should().Be(ReloadStep.HealthCheck);
        result.RolledBack.Should().BeTrue();
        await _provisioner.Received(1).RestoreAsync("gpu-0", "llama-7b-v1", Arg.Any<CancellationToken>());
        await _engines.Received(1).StartEngineAsync("gpu-0", PoolTestData.Llama, Arg.Any<CancellationToken>());
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Spec.Model == "llama-7b-v1");
        _recorder.For(TelemetryNames.ReloadFailures).Should().ContainSingle().Which.Tag("reload.step").Should().Be("health_check");
    }

    [Fact]
    public async Task ReloadAsync_NewEngineExitsBeforeReady_FailsAtStartNewNotHealthCheck()
    {
        _engines.StartEngineAsync("gpu-0", _v2, Arg.Any<CancellationToken>())
            .Returns(EngineStartResult.Failed(6001, Runtime.Supervision.Crashes.CrashReason.ProcessExit, "process_exit: exited with code 1"));

        var result = await _reloads.ReloadAsync("gpu-0", _v2, Deadline).WaitAsync(Bound);

        result.FailedStep.Should().Be(ReloadStep.StartNew);
        result.RolledBack.Should().BeTrue();
        await _engines.Received(1).StartEngineAsync("gpu-0", PoolTestData.Llama, Arg.Any<CancellationToken>());
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Spec.Model == "llama-7b-v1");
        _recorder.For(TelemetryNames.ReloadFailures).Should().ContainSingle().Which.Tag("reload.step").Should().Be("start_new");
    }

    [Theory]
    [InlineData(null, Runtime.Supervision.Crashes.CrashReason.StartupFailure, ReloadStep.StartNew)]
    [InlineData(6001, Runtime.Supervision.Crashes.CrashReason.StartupFailure, ReloadStep.HealthCheck)]
    [InlineData(6001, Runtime.Supervision.Crashes.CrashReason.HealthCheckFailure, ReloadStep.HealthCheck)]
    [InlineData(6001, Runtime.Supervision.Crashes.CrashReason.ProcessExit, ReloadStep.StartNew)]
    [InlineData(6001, Runtime.Supervision.Crashes.CrashReason.Signal, ReloadStep.StartNew)]
    [InlineData(6001, Runtime.Supervision.Crashes.CrashReason.DriverError, ReloadStep.StartNew)]
    [InlineData(6001, Runtime.Supervision.Crashes.CrashReason.GracefulExit, ReloadStep.StartNew)]
    public void FailedStepOf_StartFailure_IsChargedToTheStepThatFailed(int? pid, Runtime.Supervision.Crashes.CrashReason reason, ReloadStep step) =>
        ReloadCoordinator.FailedStepOf(EngineStartResult.Failed(pid, reason, "failed")).Should().Be(step);

    [Fact]
    public async Task ReloadAsync_RollbackFails_FailsThePoolAndHandsItToTheSupervisor()
    {
        _engines.StartEngineAsync("gpu-0", Arg.Any<EngineSpec>(), Arg.Any<CancellationToken>())
            .Returns(EngineStartResult.Failed(null, Runtime.Supervision.Crashes.CrashReason.StartupFailure, "could not start engine"));

        var result = await _reloads.ReloadAsync("gpu-0", _v2, Deadline).WaitAsync(Bound);

        result.FailedStep.Should().Be(ReloadStep.StartNew);
        result.RolledBack.Should().BeFalse();
        result.Error.Should().Contain("rollback failed: could not start engine");
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.State == PoolState.Failed && !s.Ready);
        _engines.Received(1).TakeOver("gpu-0", Arg.Is<string>(m => m.StartsWith("reload rollback failed", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ReloadAsync_HandoffFails_StopsTheNewEngineAndRestoresTheOld()
    {
        using var reloads = new ReloadCoordinator(_registry, _engines, _drains, new ReloadOptions
        {
            TimeProvider = _time, Provisioner = _provisioner, HandoffDirectory = Path.Combine(_handoff, "missing", "dir"),
        });

        var result = await reloads.ReloadAsync("gpu-0", _v2, Deadline).WaitAsync(Bound);

        result.FailedStep.Should().Be(ReloadStep.Handoff);
        result.RolledBack.Should().BeTrue();
        await _engines.Received(1).StopEngineAsync("gpu-0", true, Arg.Any<CancellationToken>());
        _pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Spec.Model == "llama-7b-v1");
    }

    [Fact]
    public async Task ReloadAsync_DrainingPool_IsRefused()
    {
        _pool.Acquire();
        _ = _drains.DrainAsync("gpu-0", Deadline);

        var result = await _reloads.ReloadAsync("gpu-0", _v2, Deadline);

        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Refused && r.Error == "pool gpu-0 is draining");
    }

    [Fact]
    public async Task ReloadAsync_UnknownPool_IsRefused() =>
        (await _reloads.ReloadModelAsync("gpu-9", "llama-7b-v2", Deadline)).Error.Should().Be("pool gpu-9 is not registered");

    [Fact]
    public async Task ReloadAsync_AnOperatorsDrainJoinsItsDrain_TheEngineIsStoppedAndTheReloadFailsAtDrain()
    {
        var lease = _pool.Acquire();
        var reload = _reloads.ReloadAsync("gpu-0", _v2, Deadline);
        var drain = _drains.DrainAsync("gpu-0", Deadline);

        lease.Release();
        var outcome = await drain.WaitAsync(Bound);
        var result = await reload.WaitAsync(Bound);

        outcome.Should().Match<DrainOutcome>(o => o.Status == DrainStatus.Completed && o.Mode == DrainMode.StopEngine);
        _pool.State.Should().Be(PoolState.Stopped, "the operator asked for the engine to stop");
        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Failed && r.FailedStep == ReloadStep.Drain && !r.RolledBack);
        result.Error.Should().EndWith("an operator's drain joined this one and stopped the engine of pool gpu-0");
        await _engines.DidNotReceiveWithAnyArgs().StartEngineAsync(default!, default!, default);
    }

    [Fact]
    public async Task ReloadAsync_AnOperatorsDrainJoinsAtTheDeadline_TheEngineIsForceStoppedNotKept()
    {
        _pool.Acquire();
        var reload = _reloads.ReloadAsync("gpu-0", _v2, Deadline);
        var drain = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(5));

        _time.Advance(Deadline);
        var outcome = await drain.WaitAsync(Bound);
        var result = await reload.WaitAsync(Bound);

        outcome.Status.Should().Be(DrainStatus.ForceStopped, "an operator's drain never times out leaving the engine running");
        _pool.State.Should().Be(PoolState.Stopped);
        result.FailedStep.Should().Be(ReloadStep.Drain);
    }

    [Fact]
    public void DrainAsync_KeepEngineWhileAnOperatorsDrainRuns_IsRefused()
    {
        _pool.Acquire();
        _ = _drains.DrainAsync("gpu-0", Deadline);

        Action act = () => _drains.DrainAsync("gpu-0", Deadline, DrainMode.KeepEngine);

        act.Should().Throw<InvalidOperationException>().WithMessage("pool gpu-0 cannot be drained while Draining to stop its engine");
    }

    [Fact]
    public async Task ReloadAsync_CancelledWhileStaging_ThePoolServesItsOldEngineAgain()
    {
        _provisioner.StageAsync("gpu-0", "llama-7b-v2", Arg.Any<CancellationToken>()).ThrowsAsync(new OperationCanceledException());

        var act = () => _reloads.ReloadAsync("gpu-0", _v2, Deadline);

        await act.Should().ThrowAsync<OperationCanceledException>();
        var s = _pool.Snapshot();
        s.State.Should().Be(PoolState.Ready, "a cancelled reload never leaves the pool reloading");
        s.Spec.Model.Should().Be(PoolTestData.Llama.Model);
    }
}
