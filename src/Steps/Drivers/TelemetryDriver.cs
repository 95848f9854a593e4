using NSubstitute;
using Runtime.Supervision;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Policies;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Steps.Time;

namespace Steps.Drivers;

/// <summary>
/// The supervision runtime of one pool, built for its instruments only: the supervisor (its engine launcher a
/// stand-in that is never asked to start anything), the pool's restart policy (backoff, circuit breaker, restart-rate
/// limit), drains and reloads, every one on the scenario clock and the meters of <see cref="Metrics"/>. Disposing
/// it disposes them all.
/// </summary>
public sealed class TelemetryDriver(ScenarioClock clock) : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>The meter factory every runtime object is given.</summary>
    public PolicyMetrics Metrics { get; } = new();

    /// <summary>The instruments as a dashboard read them, by name; empty before <see cref="Read"/>.</summary>
    public IReadOnlyDictionary<string, PublishedInstrument> Shown { get; private set; } = new Dictionary<string, PublishedInstrument>();

    /// <summary>A dashboard reads the instruments the runtime has published.</summary>
    public void Read() => Shown = Metrics.Published;

    /// <summary>Builds the supervisor, drains, reloads and pool <paramref name="poolId"/>'s restart policy.</summary>
    public void Supervise(string poolId)
    {
        var registry = new PoolRegistry(new PoolRegistryOptions());
        var supervisor = Own(new Supervisor(registry, Substitute.For<IEngineLauncher>(),
            new SupervisorOptions { TimeProvider = clock.Time, MeterFactory = Metrics }));
        var drains = Own(new DrainCoordinator(registry, supervisor, new DrainOptions { TimeProvider = clock.Time, MeterFactory = Metrics }));
        Own(new ReloadCoordinator(registry, supervisor, drains, new ReloadOptions { TimeProvider = clock.Time, MeterFactory = Metrics }));
        Own(new RestartPolicy(poolId, new RestartPolicyOptions(), clock.Time, meterFactory: Metrics));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        Metrics.Dispose();
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
