using Runtime.Supervision.Crashes;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Supervision;
using Runtime.Common;

namespace Steps.Drivers;

/// <summary>Building and tearing down the runtime objects.</summary>
public sealed partial class PoolDriver
{
    private readonly List<Action<SupervisorOptions>> _supervisorChanges = [];

    private void Build(bool loadState = false)
    {
        Registry = new PoolRegistry(new PoolRegistryOptions { StateFilePath = StateFile, LoggerFactory = Logger });
        Registry.PoolChanged += (_, s) =>
        {
            lock (_history)
            {
                _history.Add(s);
            }

            Pulse();
        };
        if (loadState)
        {
            Registry.LoadState();
        }

        IPoolEngines engines;
        if (RealProcesses)
        {
            var options = new SupervisorOptions
            {
                TimeProvider = _clock.Time,
                LoggerFactory = Logger,
                MeterFactory = Metrics,
                Randomizer = () => 0.5,
                // A probe's timeout is on its engine's own clock, which moves only when that engine holds the probe.
                Health = new HealthProbeOptions
                {
                    Interval = TimeSpan.FromSeconds(5), Timeout = EngineProcessDriver.ProbeTimeout, StartupTimeout = TimeSpan.FromSeconds(60),
                    RequestClock = _processes.RequestClockOf,
                },
                CrashDetection = new CrashDetectionOptions { OomEvidence = Oom },
            };
            options.Backoff.JitterFactor = 0;
            foreach (var change in _supervisorChanges)
            {
                change(options);
            }

            Supervisor = new Supervisor(Registry, _processes, options);
            Supervisor.Crashed += (_, c) =>
            {
                lock (Crashes)
                {
                    Crashes.Add(c);
                }

                Pulse();
            };
            Supervisor.EngineOutput += OnOutput;
            engines = Supervisor;
        }
        else
        {
            Simulated = new SimulatedEngines(Registry);
            engines = Simulated;
        }

        Drains = new DrainCoordinator(Registry, engines, new DrainOptions { TimeProvider = _clock.Time, LoggerFactory = Logger, MeterFactory = Metrics });
        Reloads = new ReloadCoordinator(Registry, engines, Drains, new ReloadOptions
        {
            TimeProvider = _clock.Time, LoggerFactory = Logger, MeterFactory = Metrics, Provisioner = Models.Provisioner, HandoffDirectory = HandoffDirectory,
        });
        Directory.CreateDirectory(HandoffDirectory);
    }

    /// <summary>
    /// Changes the supervisor's options (its restart policy) and rebuilds it: refused once a pool is registered, and
    /// outside @process scenarios (there is no supervisor there). Later changes override earlier ones.
    /// </summary>
    public void ConfigureSupervisor(Action<SupervisorOptions> change)
    {
        if (!RealProcesses)
        {
            throw new InvalidOperationException("the restart policies of the supervisor apply to real engines: tag the scenario @process");
        }

        if (Registry.Pools.Count > 0)
        {
            throw new InvalidOperationException("set the restart policies before any pool serves a model");
        }

        _supervisorChanges.Add(change);
        Teardown();
        Build();
    }

    private void Teardown()
    {
        Supervisor?.Dispose();
        Reloads?.Dispose();
        Drains?.Dispose();
        Supervisor = null;
    }
}
