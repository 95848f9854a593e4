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
/// limit), drains and reloads, every one on the scenario clock and the meters of <see cref="Instruments"/>. Disposing
/// it disposes them all.
/// </summary>
public sealed class TelemetryDriver(ScenarioClock clock) : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    /// <summary>The meter factory every runtime object is given, and what a dashboard reads from it.</summary>
    public PublishedInstruments Instruments { get; } = new();

    /// <summary>Builds the supervisor, drains, reloads and pool <paramref name="poolId"/>'s restart policy.</summary>
    public void Supervise(string poolId)
    {
        var registry = new PoolRegistry(new PoolRegistryOptions());
        var supervisor = Own(new Supervisor(registry, Substitute.For<IEngineLauncher>(),
            new SupervisorOptions { TimeProvider = clock.Time, MeterFactory = Instruments }));
        var drains = Own(new DrainCoordinator(registry, supervisor, new DrainOptions { TimeProvider = clock.Time, MeterFactory = Instruments }));
        Own(new ReloadCoordinator(registry, supervisor, drains, new ReloadOptions { TimeProvider = clock.Time, MeterFactory = Instruments }));
        Own(new RestartPolicy(poolId, new RestartPolicyOptions(), clock.Time, meterFactory: Instruments));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        Instruments.Dispose();
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }
}
