using FluentAssertions;
using NSubstitute;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision;

/// <summary>
/// A stop on purpose (a drain's, or a reload replacing the engine) that lands while the supervisor is still handling
/// the engine's crash wins over the crash: no restart is scheduled behind it. The stop is made from inside the pool's
/// change event that records the crash, on the supervisor's thread, before the restart policies answer: the interleaving
/// the property test of issue 22 met (a restart that replaced a reload's new engine, so the reload never returned).
/// </summary>
public sealed class SupervisorCrashAndStopTests : IDisposable
{
    private readonly HealthyLoopbackEndpoint _endpoint = new();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = TestClock.New();
    private readonly PoolRegistry _registry = new();
    private readonly CountingLauncher _launcher;
    private readonly Supervisor _supervisor;

    public SupervisorCrashAndStopTests()
    {
        var oom = Substitute.For<IOomEvidence>();
        oom.ReadOomKillCount().Returns(0L);
        _launcher = new CountingLauncher(new InProcessEngines(_endpoint.Uri));
        _supervisor = new Supervisor(_registry, _launcher, new SupervisorOptions
        {
            TimeProvider = _time,
            Randomizer = () => 0.5,
            Health = new HealthProbeOptions { Interval = TimeSpan.FromHours(1), StartupTimeout = TimeSpan.FromHours(2) },
            CrashDetection = new CrashDetectionOptions { OomEvidence = oom },
        });
    }

    public void Dispose()
    {
        _supervisor.Dispose();
        _endpoint.Dispose();
    }

    [Fact]
    public async Task AStopOnPurposeWhileACrashIsHandled_SchedulesNoRestart()
    {
        var pool = _registry.Register("gpu-0", new EngineSpec("engine", ["--model", "{model}"], "llama-7b-v1", "1.0"));
        (await _supervisor.StartAsync("gpu-0").WaitAsync(PoolEvents.Bound)).Ready.Should().BeTrue();
        var crashed = new TaskCompletionSource<CrashEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        _supervisor.Crashed += (_, c) => crashed.TrySetResult(c);
        var stopped = 0;
        pool.Changed += (_, s) =>
        {
            // The crash is on the pool (not live, its error recorded); the restart policies have not answered yet.
            if (!s.Live && s.LastError is not null && Interlocked.Exchange(ref stopped, 1) == 0)
            {
                _ = _supervisor.StopEngineAsync("gpu-0", force: true);
            }
        };

        ((InProcessEngine)_supervisor.EngineOf("gpu-0")!).Crash();
        await crashed.Task.WaitAsync(PoolEvents.Bound);
        _time.Advance(TimeSpan.FromMinutes(10));

        _launcher.Started.Should().Be(1, "the engine was stopped on purpose: nothing restarts it");
        _supervisor.EngineOf("gpu-0").Should().BeNull();
        pool.Snapshot().State.Should().NotBe(PoolState.Restarting);
    }

    /// <summary>Counts the engines started.</summary>
    private sealed class CountingLauncher(IEngineLauncher inner) : IEngineLauncher
    {
        private int _started;

        public int Started => Volatile.Read(ref _started);

        public IEngineProcess Start(EngineLaunchRequest request)
        {
            Interlocked.Increment(ref _started);
            return inner.Start(request);
        }
    }
}
