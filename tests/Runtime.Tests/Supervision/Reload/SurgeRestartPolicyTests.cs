using FluentAssertions;
using NSubstitute;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Tests.Supervision;
using Xunit;

namespace Runtime.Tests.Supervision.Reload;

/// <summary>The restart policies around a surge: a crash outside the surge's window is any crash.</summary>
public sealed class SurgeRestartPolicyTests : SurgeFixture
{
    [Fact]
    public async Task OldEngineCrashesBeforeTheNewOneStarts_TheReloadFailsAndTheSupervisorRestartsTheOldOne()
    {
        _provisioner.StageAsync("gpu-0", "llama-7b-v2", Arg.Any<CancellationToken>()).Returns(async _ =>
        {
            OldEngine.Crash();
            await PoolEvents.WaitForState(_pool, PoolState.Restarting);
        });

        var result = await Surge("llama-7b-v2").WaitAsync(PoolEvents.Bound);
        _time.Advance(TimeSpan.FromSeconds(1));
        var restarted = await PoolEvents.WaitForState(_pool, PoolState.Ready);

        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Failed && r.FailedStep == ReloadStep.StartNew, result.Error);
        result.Error.Should().Contain("pool gpu-0 has no serving engine to start a new one beside (it is Restarting)");
        restarted.Should().Match<PoolSnapshot>(s => s.Spec.Model == "llama-7b-v1" && s.CrashCount == 1 && s.RestartCount == 1, "the supervisor restarts the old engine as after any crash");
        _engines.Started.Select(e => e.Listening.Result).Should().Equal([_oldEndpoint.Uri, _oldEndpoint.Uri], "no new engine was started beside the crashed one");
    }

    [Fact]
    public async Task NewEngineCrashesAfterTheSurge_IsAnyCrash_RestartedByTheSupervisor()
    {
        (await Surge("llama-7b-v2").WaitAsync(PoolEvents.Bound)).Status.Should().Be(ReloadStatus.Reloaded);

        _engines.Started[1].Crash();
        await PoolEvents.WaitForState(_pool, PoolState.Restarting);
        _time.Advance(TimeSpan.FromSeconds(1));
        var restarted = await PoolEvents.WaitForState(_pool, PoolState.Ready);

        restarted.Should().Match<PoolSnapshot>(s => s.Spec.Model == "llama-7b-v2" && s.CrashCount == 1 && s.RestartCount == 1, "after the surge the new engine is supervised as any");
        OldEngine.HasExited.Should().BeTrue("the old engine does not come back");
    }
}
