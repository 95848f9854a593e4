using FluentAssertions;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Tests.Supervision.Engines;
using Runtime.Tests.Supervision;
using Xunit;

namespace Runtime.Tests.Supervision.Reload;

/// <summary>Drain and reload over real engine-stub processes.</summary>
public sealed class ReloadWithEnginesTests : IDisposable
{
    private readonly SupervisorFixture _f = new();
    private readonly string _handoff = Directory.CreateTempSubdirectory("handoff-").FullName;
    private readonly DrainCoordinator _drains;
    private readonly ReloadCoordinator _reloads;

    public ReloadWithEnginesTests()
    {
        _drains = new DrainCoordinator(_f.Registry, _f.Supervisor, new DrainOptions { TimeProvider = _f.Time });
        _reloads = new ReloadCoordinator(_f.Registry, _f.Supervisor, _drains, new ReloadOptions { TimeProvider = _f.Time, HandoffDirectory = _handoff });
    }

    public void Dispose()
    {
        _reloads.Dispose();
        _drains.Dispose();
        _f.Dispose();
        Directory.Delete(_handoff, recursive: true);
    }

    [Fact]
    public async Task ReloadAsync_RealEngines_NewEngineServesAndOldOneIsGone()
    {
        var pool = await _f.StartReady("gpu-0");
        var oldPid = pool.Snapshot().Pid!.Value;

        var result = await _reloads.ReloadModelAsync("gpu-0", "llama-7b-v2", TimeSpan.FromSeconds(30)).WaitAsync(PoolEvents.Bound);

        result.Status.Should().Be(ReloadStatus.Reloaded, result.Error);
        var s = pool.Snapshot();
        s.Pid.Should().NotBe(oldPid);
        s.Spec.Model.Should().Be("llama-7b-v2");
        HandoffFile.Read(HandoffFile.PathFor(_handoff, "gpu-0")).Pid.Should().Be(s.Pid!.Value);
        using var probe = new HealthProbe(TimeSpan.FromSeconds(5));
        (await probe.ProbeAsync(s.Endpoint!)).Healthy.Should().BeTrue();
        _f.Crashes.Should().BeEmpty("stopping the old engine for a reload is not a crash");
    }

    [Fact]
    public async Task ReloadAsync_NewEngineNeverHealthy_RollsBackToTheOldEngine()
    {
        var pool = await _f.StartReady("gpu-0");
        var broken = EngineStubCommand.Spec("llama-7b-v3", "1.0", "--never-healthy");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _f.Supervisor.EngineOutput += (_, l) => { if (l.Text.Contains("llama-7b-v3", StringComparison.Ordinal)) listening.TrySetResult(); };

        var reload = _reloads.ReloadAsync("gpu-0", broken, TimeSpan.FromSeconds(30));
        await listening.Task.WaitAsync(PoolEvents.Bound);
        _f.Time.Advance(TimeSpan.FromSeconds(60));
        var result = await reload.WaitAsync(PoolEvents.Bound);

        result.FailedStep.Should().Be(ReloadStep.HealthCheck);
        result.RolledBack.Should().BeTrue();
        var s = pool.Snapshot();
        s.Ready.Should().BeTrue();
        s.Spec.Model.Should().Be("llama-7b-v1");
    }

    [Fact]
    public async Task ReloadAsync_NewEngineExitsBeforeListening_FailsAtStartNewAndRestartsTheOldEngine()
    {
        var pool = await _f.StartReady("gpu-0");
        var oldPid = pool.Snapshot().Pid!.Value;
        var models = Directory.CreateTempSubdirectory("models-").FullName;
        try
        {
            // The model directory is empty: the new engine cannot load llama-7b-v2 and exits with code 1.
            var broken = EngineStubCommand.Spec("llama-7b-v2", "1.0", "--model-dir", models);

            var result = await _reloads.ReloadAsync("gpu-0", broken, TimeSpan.FromSeconds(30)).WaitAsync(PoolEvents.Bound);

            result.FailedStep.Should().Be(ReloadStep.StartNew, result.Error);
            result.RolledBack.Should().BeTrue();
            result.Error.Should().Contain("exit");
            var s = pool.Snapshot();
            s.Should().Match<PoolSnapshot>(p => p.Ready && p.Live && p.Spec.Model == "llama-7b-v1");
            s.Pid.Should().NotBe(oldPid, "the old engine was stopped, so a new process serves the old model");
            using var probe = new HealthProbe(TimeSpan.FromSeconds(5));
            (await probe.ProbeAsync(s.Endpoint!)).Healthy.Should().BeTrue();
        }
        finally
        {
            Directory.Delete(models, recursive: true);
        }
    }

    [Fact]
    public async Task DrainAsync_RealEngine_StopsItGracefully()
    {
        var pool = await _f.StartReady("gpu-0");
        var lease = pool.Acquire();

        var drain = _drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30));
        lease.Release();
        var outcome = await drain.WaitAsync(PoolEvents.Bound);

        outcome.Status.Should().Be(DrainStatus.Completed);
        outcome.EngineExit.Should().Match<EngineExit?>(e => e!.Value.IsGraceful);
        pool.Snapshot().Should().Match<PoolSnapshot>(s => s.State == PoolState.Stopped && !s.Live && !s.Ready);
        _f.Crashes.Should().BeEmpty();
    }
}
