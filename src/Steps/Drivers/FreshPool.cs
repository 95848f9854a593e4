using Microsoft.Extensions.Time.Testing;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;

namespace Steps.Drivers;

/// <summary>
/// One fresh pool gpu-0 serving llama-7b 1.0 on a simulated engine, with a drain and a reload coordinator and a clock
/// of its own: a round of a race scenario (<see cref="DrainRaceDriver"/>, <see cref="ReloadRaceDriver"/>).
/// </summary>
public sealed class FreshPool : IDisposable
{
    /// <summary>The engine the pool serves at first.</summary>
    public static readonly EngineSpec Old = new("engine", ["--model", "{model}"], "llama-7b", "1.0");

    /// <summary>The deadline of every drain and reload of a round.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private FreshPool()
    {
        Engines = new SimulatedEngines(Registry);
        Drains = new DrainCoordinator(Registry, Engines, new DrainOptions { TimeProvider = Time });
        Reloads = new ReloadCoordinator(Registry, Engines, Drains, new ReloadOptions { TimeProvider = Time });
        Pool = Registry.Register("gpu-0", Old);
    }

    /// <summary>The round's clock.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>The registry holding the one pool.</summary>
    public PoolRegistry Registry { get; } = new();

    /// <summary>The simulated engines.</summary>
    public SimulatedEngines Engines { get; }

    /// <summary>The drains of the pool.</summary>
    public DrainCoordinator Drains { get; }

    /// <summary>The reloads of the pool.</summary>
    public ReloadCoordinator Reloads { get; }

    /// <summary>The pool, gpu-0.</summary>
    public Pool Pool { get; }

    /// <summary>A fresh pool whose engine has started.</summary>
    public static async Task<FreshPool> StartAsync()
    {
        var fresh = new FreshPool();
        await fresh.Engines.StartAsync("gpu-0");
        return fresh;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Reloads.Dispose();
        Drains.Dispose();
    }
}
