using NSubstitute;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Supervision;
using Runtime.Tests.Supervision;
using Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Runtime.Tests.Supervision.Reload;

/// <summary>
/// A supervisor, drains and reloads of pool gpu-0 (24000 MiB of device memory, serving llama-7b-v1 that needs 8000 MiB)
/// on a manual clock, over in-process engines: llama-7b-v1 answers its health check at one loopback endpoint, any other
/// model at another, "broken" models at none (they never become healthy) and "unloadable" ones cannot start.
/// </summary>
public abstract class SurgeFixture : IDisposable
{
    protected static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    protected readonly FakeTimeProvider _time = TestClock.New();
    protected readonly PoolRegistry _registry = new();
    private protected readonly HealthyLoopbackEndpoint _oldEndpoint = new();
    private protected readonly HealthyLoopbackEndpoint _newEndpoint = new();
    protected readonly IModelProvisioner _provisioner = Substitute.For<IModelProvisioner>();
    protected readonly RecordingLogger _logger = new();
    protected readonly ScopedMeterFactory _meters = new();
    protected readonly InstrumentRecorder _recorder;
    private protected readonly SurgeEngines _engines;
    protected readonly Supervisor _supervisor;
    protected readonly DrainCoordinator _drains;
    protected readonly ReloadCoordinator _reloads;
    protected readonly Pool _pool;
    protected readonly List<PoolSnapshot> _history = [];
    protected readonly string _handoff = Directory.CreateTempSubdirectory("surge-handoff-").FullName;

    protected SurgeFixture()
    {
        _recorder = new InstrumentRecorder(_meters);
        var oom = Substitute.For<IOomEvidence>();
        oom.ReadOomKillCount().Returns(0L);
        _engines = new SurgeEngines(_oldEndpoint.Uri, _newEndpoint.Uri);
        _supervisor = new Supervisor(_registry, _engines, new SupervisorOptions
        {
            TimeProvider = _time, Randomizer = () => 0.5, LoggerFactory = _logger, MeterFactory = _meters,
            Health = new HealthProbeOptions { Interval = TimeSpan.FromHours(1), StartupTimeout = TimeSpan.FromSeconds(60) },
            CrashDetection = new CrashDetectionOptions { OomEvidence = oom },
        });
        _drains = new DrainCoordinator(_registry, _supervisor, new DrainOptions { TimeProvider = _time, LoggerFactory = _logger, MeterFactory = _meters });
        _reloads = new ReloadCoordinator(_registry, _supervisor, _drains, new ReloadOptions
        {
            TimeProvider = _time, Provisioner = _provisioner, LoggerFactory = _logger, MeterFactory = _meters, HandoffDirectory = _handoff,
        });
        _pool = _registry.Register("gpu-0", Spec("llama-7b-v1"), deviceMemoryMiB: 24000);
        var started = _supervisor.StartAsync("gpu-0").WaitAsync(PoolEvents.Bound).GetAwaiter().GetResult();
        if (!started.Ready)
        {
            throw new InvalidOperationException($"pool gpu-0 did not start: {started.Error}");
        }

        OldEngine = (InProcessEngine)_supervisor.EngineOf("gpu-0")!;
        _pool.Changed += (_, s) =>
        {
            lock (_history)
            {
                _history.Add(s);
            }
        };
    }

    /// <summary>The engine that served gpu-0 before the reload.</summary>
    private protected InProcessEngine OldEngine { get; }

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        _reloads.Dispose();
        _drains.Dispose();
        _supervisor.Dispose();
        _recorder.Dispose();
        _meters.Dispose();
        _oldEndpoint.Dispose();
        _newEndpoint.Dispose();
        Directory.Delete(_handoff, recursive: true);
    }

    protected static EngineSpec Spec(string model, long? memoryMiB = 8000) =>
        new("engine", ["--model", "{model}"], model, "1.0") { MemoryMiB = memoryMiB };

    protected Task<ReloadResult> Surge(string model, TimeSpan? deadline = null, string? correlationId = null, CancellationToken cancellationToken = default) =>
        _reloads.ReloadAsync("gpu-0", Spec(model), deadline ?? Deadline, cancellationToken, correlationId, ReloadStrategy.Surge);

    /// <summary>Waits until new leases of gpu-0 go to the new engine.</summary>
    protected Task Switched() => PoolEvents.WaitFor(_pool, s => s.Spec.Model != "llama-7b-v1");

    protected IReadOnlyList<PoolSnapshot> History()
    {
        lock (_history)
        {
            return _history.ToList();
        }
    }

    /// <summary>In-process engines whose endpoint and start depend on the model (see <see cref="SurgeFixture"/>).</summary>
    private protected sealed class SurgeEngines(Uri oldEndpoint, Uri newEndpoint) : IEngineLauncher
    {
        private readonly List<InProcessEngine> _started = [];
        private int _nextPid = 2_000_000;

        public IReadOnlyList<InProcessEngine> Started
        {
            get
            {
                lock (_started)
                {
                    return _started.ToList();
                }
            }
        }

        public IEngineProcess Start(EngineLaunchRequest request)
        {
            var model = request.Arguments[1];
            if (model.StartsWith("unloadable", StringComparison.Ordinal))
            {
                throw new EngineStartException(request.Command, new FileNotFoundException($"no model file for {model}"));
            }

            var endpoint = model == "llama-7b-v1" ? oldEndpoint : model.StartsWith("broken", StringComparison.Ordinal) ? new Uri("http://127.0.0.1:1/") : newEndpoint;
            var engine = new InProcessEngine(Interlocked.Increment(ref _nextPid), endpoint);
            lock (_started)
            {
                _started.Add(engine);
            }

            return engine;
        }
    }
}
