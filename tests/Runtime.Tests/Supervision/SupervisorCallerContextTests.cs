using FluentAssertions;
using NSubstitute;
using Runtime.Common;
using Runtime.Supervision;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Tests.Supervision.Pools;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision;

/// <summary>
/// The supervisor never resumes on its caller's context (a UI thread's, say): a library that does deadlocks a caller
/// that blocks on it. Each test calls from a counting context while the engine it waits for is late, so the call's first
/// await is sure to wait, then lets the engine go on.
/// </summary>
public sealed class SupervisorCallerContextTests : IDisposable
{
    private const string Because = "a library that resumes on its caller's context deadlocks a caller that blocks on it";
    private readonly PoolRegistry _registry = new();
    private readonly LateEngines _engines = new();
    private readonly HealthyLoopbackEndpoint _endpoint = new();
    private readonly Supervisor _supervisor;
    private readonly CountingContext _caller = new();
    private readonly TaskCompletionSource<CrashEvent> _crashed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public SupervisorCallerContextTests()
    {
        var oom = Substitute.For<IOomEvidence>();
        oom.ReadOomKillCount().Returns(0L);
        _supervisor = new Supervisor(_registry, _engines, new SupervisorOptions
        {
            TimeProvider = TestClock.New(),
            Randomizer = () => 0.5,
            Health = new HealthProbeOptions { Interval = TimeSpan.FromHours(1), StartupTimeout = TimeSpan.FromSeconds(60) },
            CrashDetection = new CrashDetectionOptions { OomEvidence = oom },
        });
        _supervisor.Crashed += (_, crash) => _crashed.TrySetResult(crash);
        _registry.Register("gpu-0", PoolTestData.Llama, deviceMemoryMiB: 24000);
    }

    public void Dispose()
    {
        _supervisor.Dispose();
        _endpoint.Dispose();
    }

    [Fact]
    public async Task AnEngineStartedOnTheCallersContext_ReportsItsReadinessOffIt()
    {
        var started = _caller.StartOn(() => _supervisor.StartEngineAsync("gpu-0", PoolTestData.Llama));
        _engines.Started.Single().Listen(_endpoint.Uri);

        (await started.WaitAsync(PoolEvents.Bound)).Pid.Should().Be(_engines.Started.Single().Pid);
        _caller.Posts.Should().Be(0, Because);
    }

    [Fact]
    public async Task ANewEngineStartedBesideOnTheCallersContext_ReportsItsReadinessOffIt()
    {
        await ServingEngine();

        var surge = _caller.StartOn(() => _supervisor.StartBesideAsync("gpu-0", PoolTestData.Llama));
        _engines.Started[1].Listen(_endpoint.Uri);

        (await surge.WaitAsync(PoolEvents.Bound)).Start.Ready.Should().BeTrue();
        _caller.Posts.Should().Be(0, Because);
    }

    [Fact]
    public async Task ANewEngineCancelledOnTheCallersContext_IsKilledOffIt()
    {
        await ServingEngine();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var surge = _caller.StartOn(() => _supervisor.StartBesideAsync("gpu-0", PoolTestData.Llama, cancelled.Token));
        _engines.Started[1].End(EngineExit.Killed(Signals.SIGKILL));

        await surge.Invoking(s => s.WaitAsync(PoolEvents.Bound)).Should().ThrowAsync<OperationCanceledException>();
        _caller.Posts.Should().Be(0, Because);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AStopAskedOnTheCallersContext_NeverResumesOnIt(bool force)
    {
        var engine = await ServingEngine();

        var stop = _caller.StartOn(() => _supervisor.StopEngineAsync("gpu-0", force));
        engine.End(EngineExit.Exited(0));

        (await stop.WaitAsync(PoolEvents.Bound)).Should().Be(EngineExit.Exited(0));
        _caller.Posts.Should().Be(0, Because);
    }

    [Fact]
    public async Task AStopWhoseGraceIsOverOnTheCallersContext_KillsOffIt()
    {
        var engine = await ServingEngine();
        using var graceOver = new CancellationTokenSource();
        await graceOver.CancelAsync();

        var stop = _caller.StartOn(() => _supervisor.StopEngineAsync("gpu-0", force: false, graceOver.Token));
        engine.End(EngineExit.Killed(Signals.SIGKILL));

        (await stop.WaitAsync(PoolEvents.Bound)).Should().Be(EngineExit.Killed(Signals.SIGKILL));
        _caller.Posts.Should().Be(0, Because);
    }

    [Fact]
    public async Task AStopOnTheCallersContext_ThatWaitsOnlyForASurgesNewEngine_NeverResumesOnIt()
    {
        var old = await ServingEngine();
        await NewEngineBeside();
        old.End(EngineExit.Killed(Signals.SIGSEGV));
        await _crashed.Task.WaitAsync(PoolEvents.Bound);

        var stop = _caller.StartOn(() => _supervisor.StopEngineAsync("gpu-0", force: false));
        stop.IsCompleted.Should().BeFalse("the stop returns once the surge's new engine has ended too");
        _engines.Started[1].End(EngineExit.Killed(Signals.SIGKILL));

        (await stop.WaitAsync(PoolEvents.Bound)).Should().Be(EngineExit.Killed(Signals.SIGSEGV), "the old engine's own end is the stop's result");
        _caller.Posts.Should().Be(0, Because);
    }

    [Fact]
    public async Task ADisposalOnTheCallersContext_NeverResumesOnIt()
    {
        var engine = await ServingEngine();

        var disposal = _caller.StartOn(() => _supervisor.DisposeAsync().AsTask());
        engine.End(EngineExit.Exited(0));

        await disposal.WaitAsync(PoolEvents.Bound);
        _caller.Posts.Should().Be(0, Because);
    }

    [Fact]
    public async Task TheOldEngineStoppedOnTheCallersContext_NeverResumesOnIt()
    {
        var old = await ServingEngine();
        var surge = await NewEngineBeside();
        surge.TrySwitch(out var refusal).Should().BeTrue(refusal);

        var stop = _caller.StartOn(() => surge.StopOldAsync(force: false));
        old.End(EngineExit.Exited(0));

        (await stop.WaitAsync(PoolEvents.Bound)).Should().Be(EngineExit.Exited(0));
        _caller.Posts.Should().Be(0, Because);
    }

    [Fact]
    public async Task ASurgeAbortedOnTheCallersContext_NeverResumesOnIt()
    {
        await ServingEngine();
        var surge = await NewEngineBeside();

        var abort = _caller.StartOn(surge.AbortAsync);
        _engines.Started[1].End(EngineExit.Killed(Signals.SIGKILL));

        await abort.WaitAsync(PoolEvents.Bound);
        _caller.Posts.Should().Be(0, Because);
    }

    private async Task<LateEngine> ServingEngine()
    {
        var started = _supervisor.StartAsync("gpu-0");
        var engine = _engines.Started.Single();
        engine.Listen(_endpoint.Uri);
        (await started.WaitAsync(PoolEvents.Bound)).Ready.Should().BeTrue();
        return engine;
    }

    private async Task<IEngineSurge> NewEngineBeside()
    {
        var surge = _supervisor.StartBesideAsync("gpu-0", PoolTestData.Llama);
        _engines.Started[1].Listen(_endpoint.Uri);
        return await surge.WaitAsync(PoolEvents.Bound);
    }
}
