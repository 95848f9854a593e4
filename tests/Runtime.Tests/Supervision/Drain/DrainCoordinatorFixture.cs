using NSubstitute;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Tests.Supervision.Pools;
using Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Runtime.Common;

namespace Runtime.Tests.Supervision.Drain;

/// <summary>A coordinator over ready pool gpu-0 on a manual clock; its engines stop at once (exit 0, or SIGKILL when forced).</summary>
public abstract class DrainCoordinatorFixture : IDisposable
{
    protected static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    protected readonly FakeTimeProvider _time = TestClock.New();
    protected readonly PoolRegistry _registry = new();
    protected readonly IPoolEngines _engines = Substitute.For<IPoolEngines>();
    protected readonly RecordingLogger _logger = new();
    protected readonly ScopedMeterFactory _meters = new();
    protected readonly InstrumentRecorder _recorder;
    protected readonly DrainCoordinator _drains;
    protected readonly Pool _pool;

    protected DrainCoordinatorFixture()
    {
        _recorder = new InstrumentRecorder(_meters);
        _engines.StopEngineAsync(default!, default, default).ReturnsForAnyArgs(c => Task.FromResult<EngineExit?>(
            c.ArgAt<bool>(1) ? EngineExit.Killed(Signals.SIGKILL) : EngineExit.Exited(0)));
        _drains = new DrainCoordinator(_registry, _engines, new DrainOptions { TimeProvider = _time, LoggerFactory = _logger, MeterFactory = _meters });
        _pool = PoolTestData.ReadyPool(_registry);
    }

    public void Dispose()
    {
        _drains.Dispose();
        _recorder.Dispose();
        _meters.Dispose();
        GC.SuppressFinalize(this);
    }
}
