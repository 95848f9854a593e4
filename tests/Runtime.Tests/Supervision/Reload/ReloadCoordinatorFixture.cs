using NSubstitute;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Supervision;
using Runtime.Tests.Supervision.Pools;
using Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Runtime.Common;

namespace Runtime.Tests.Supervision.Reload;

/// <summary>
/// A reload coordinator of ready pool gpu-0 on a manual clock: substituted engines (a started engine serves at once) and
/// provisioner, a handoff directory, a recording logger, and a recorder of the factory's instruments.
/// </summary>
public abstract class ReloadCoordinatorFixture : IDisposable
{
    protected static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    protected readonly FakeTimeProvider _time = TestClock.New();
    protected readonly PoolRegistry _registry = new();
    protected readonly IPoolEngines _engines = Substitute.For<IPoolEngines>();
    protected readonly IModelProvisioner _provisioner = Substitute.For<IModelProvisioner>();
    protected readonly ScopedMeterFactory _meters = new();
    protected readonly RecordingLogger _logger = new();
    protected readonly InstrumentRecorder _recorder;
    protected readonly string _handoff = Directory.CreateTempSubdirectory("handoff-").FullName;
    protected readonly DrainCoordinator _drains;
    protected readonly ReloadCoordinator _reloads;
    protected readonly Pool _pool;
    protected readonly EngineSpec _v2 = PoolTestData.Llama with { Model = "llama-7b-v2" };
    protected int _nextPid = 5000;

    protected ReloadCoordinatorFixture()
    {
        _recorder = new InstrumentRecorder(_meters);
        _pool = PoolTestData.ReadyPool(_registry);
        _engines.StartEngineAsync(default!, default!, default).ReturnsForAnyArgs(c => Start(c.ArgAt<EngineSpec>(1)));
        _drains = new DrainCoordinator(_registry, _engines, new DrainOptions { TimeProvider = _time, MeterFactory = _meters });
        _reloads = new ReloadCoordinator(_registry, _engines, _drains, new ReloadOptions
        {
            TimeProvider = _time, Provisioner = _provisioner, HandoffDirectory = _handoff, MeterFactory = _meters, LoggerFactory = _logger,
        });
    }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        _reloads.Dispose();
        _drains.Dispose();
        _recorder.Dispose();
        _meters.Dispose();
        Directory.Delete(_handoff, recursive: true);
    }

    protected Task<EngineStartResult> Start(EngineSpec spec)
    {
        var pid = Interlocked.Increment(ref _nextPid);
        var endpoint = new Uri($"http://127.0.0.1:{pid}/");
        _pool.Transition(PoolState.Ready, m =>
        {
            m.SetSpec(spec);
            m.SetEngine(pid, endpoint, live: true);
        });
        return Task.FromResult(EngineStartResult.Success(pid, endpoint));
    }
}
