using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;

namespace Runtime.Supervision;

/// <summary>What every <see cref="PoolSupervisor"/> of one <see cref="Supervisor"/> shares.</summary>
internal sealed class SupervisorContext(
    SupervisorOptions options,
    IEngineLauncher launcher,
    HealthProbeOptions health,
    HealthProbe probe,
    CrashClassifier classifier,
    SupervisionMetrics metrics,
    Action<CrashEvent> crashed,
    Action<string, EngineOutputLine> output)
{
    public SupervisorOptions Options { get; } = options;

    public IEngineLauncher Launcher { get; } = launcher;

    public HealthProbeOptions Health { get; } = health;

    public HealthProbe Probe { get; } = probe;

    public CrashClassifier Classifier { get; } = classifier;

    public SupervisionMetrics Metrics { get; } = metrics;

    public void RaiseCrashed(CrashEvent crash) => crashed(crash);

    public void RaiseOutput(string poolId, EngineOutputLine line) => output(poolId, line);
}
