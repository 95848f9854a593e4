using FluentAssertions;
using NSubstitute;
using Runtime.Common;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Tests.Supervision.Pools;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.Reload;

/// <summary>
/// A surge never resumes on its caller's synchronization context, whichever of its steps is the first to wait: each test
/// makes one step late (every other completes at once), starts the surge on a counting context, then ends that step.
/// </summary>
public sealed class SurgeContextTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly PoolRegistry _registry = new();
    private readonly IPoolEngines _engines = Substitute.For<IPoolEngines, ISurgeEngines>();
    private readonly IEngineSurge _surge = Substitute.For<IEngineSurge>();
    private readonly IModelProvisioner _provisioner = Substitute.For<IModelProvisioner>();
    private readonly Task _never = new TaskCompletionSource().Task;
    private readonly DrainCoordinator _drains;
    private readonly ReloadCoordinator _reloads;
    private readonly CountingContext _caller = new();

    public SurgeContextTests()
    {
        var pool = _registry.Register("gpu-0", PoolTestData.Llama with { MemoryMiB = 8000 }, deviceMemoryMiB: 24000);
        PoolTestData.MakeReady(pool);
        ((ISurgeEngines)_engines).StartBesideAsync(default!, default!, default).ReturnsForAnyArgs(_ => Task.FromResult(_surge));
        _surge.Start.Returns(EngineStartResult.Success(5001, new Uri("http://127.0.0.1:5001/")));
        _surge.OldPid.Returns(4242);
        _surge.TrySwitch(out Arg.Any<string?>()).Returns(true);
        _surge.OldLeasesFinished.Returns(Task.CompletedTask);
        _surge.OldEngineEnded.Returns(_never);
        _surge.NewEngineEnded.Returns(_never);
        _surge.NewEngineFailed.Returns(new TaskCompletionSource<string>().Task);
        _surge.StopOldAsync(default).ReturnsForAnyArgs(Task.FromResult<EngineExit?>(EngineExit.Exited(0)));
        _drains = new DrainCoordinator(_registry, _engines, new DrainOptions { TimeProvider = TestClock.New() });
        _reloads = new ReloadCoordinator(_registry, _engines, _drains, new ReloadOptions { TimeProvider = TestClock.New(), Provisioner = _provisioner });
    }

    public void Dispose()
    {
        _reloads.Dispose();
        _drains.Dispose();
    }

    [Fact]
    public async Task OldLeasesFinishingLate_ResumeOffTheCallersContext()
    {
        var late = new TaskCompletionSource();
        _surge.OldLeasesFinished.Returns(late.Task);

        (await SurgeWith(late.SetResult)).Status.Should().Be(ReloadStatus.Reloaded);
        _caller.Posts.Should().Be(0, "a library that resumes on its caller's context deadlocks a caller that blocks on it");
    }

    [Fact]
    public async Task TheOldEngineStoppingLate_ResumesOffTheCallersContext()
    {
        var late = new TaskCompletionSource<EngineExit?>();
        _surge.StopOldAsync(default).ReturnsForAnyArgs(late.Task);

        (await SurgeWith(() => late.SetResult(EngineExit.Exited(0)))).Status.Should().Be(ReloadStatus.Reloaded);
        _caller.Posts.Should().Be(0, "a library that resumes on its caller's context deadlocks a caller that blocks on it");
    }

    [Fact]
    public async Task AFailedNewEngineKilledLate_ResumesOffTheCallersContext()
    {
        var late = new TaskCompletionSource();
        _surge.Start.Returns(EngineStartResult.Failed(5001, CrashReason.StartupFailure, "startup_failure: not ready within 60 s"));
        _surge.AbortAsync().Returns(late.Task);

        (await SurgeWith(late.SetResult)).FailedStep.Should().Be(ReloadStep.HealthCheck);
        _caller.Posts.Should().Be(0, "a library that resumes on its caller's context deadlocks a caller that blocks on it");
    }

    [Fact]
    public async Task ANewEngineThatFailsWithoutSayingWhy_IsReportedAsNotReady()
    {
        var late = new TaskCompletionSource();
        _surge.Start.Returns(new EngineStartResult(false, null, null, CrashReason.ProcessExit, null));
        _surge.AbortAsync().Returns(late.Task);

        (await SurgeWith(late.SetResult)).Error.Should().Be("reload of pool gpu-0 failed at start_new: the new engine did not become ready");
    }

    [Fact]
    public async Task TheOldModelRestoredLate_AfterAFailedStaging_ResumesOffTheCallersContext()
    {
        var late = new TaskCompletionSource();
        _provisioner.StageAsync(default!, default!, default).ReturnsForAnyArgs(Task.FromException(new IOException("disk full")));
        _provisioner.RestoreAsync(default!, default!, default).ReturnsForAnyArgs(late.Task);

        (await SurgeWith(late.SetResult)).FailedStep.Should().Be(ReloadStep.Stage);
        _caller.Posts.Should().Be(0, "a library that resumes on its caller's context deadlocks a caller that blocks on it");
    }

    [Fact]
    public async Task TheOldModelRestoredLate_AfterACancelledStaging_ResumesOffTheCallersContext()
    {
        var late = new TaskCompletionSource();
        _provisioner.StageAsync(default!, default!, default).ReturnsForAnyArgs(Task.FromCanceled(new CancellationToken(canceled: true)));
        _provisioner.RestoreAsync(default!, default!, default).ReturnsForAnyArgs(late.Task);

        var given = () => SurgeWith(late.SetResult);

        await given.Should().ThrowAsync<OperationCanceledException>();
        _caller.Posts.Should().Be(0, "a library that resumes on its caller's context deadlocks a caller that blocks on it");
    }

    /// <summary>Starts a surge of gpu-0 on the caller's context, checks it waits for the late step, then ends that step.</summary>
    private async Task<ReloadResult> SurgeWith(Action endTheLateStep)
    {
        var reload = _caller.StartOn(() => _reloads.ReloadAsync("gpu-0", PoolTestData.Llama with { Model = "llama-7b-v2", MemoryMiB = 8000 },
            TimeSpan.FromSeconds(30), strategy: ReloadStrategy.Surge));
        reload.IsCompleted.Should().BeFalse("the surge waits for its late step");
        endTheLateStep();
        return await reload.WaitAsync(Bound);
    }
}
