using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Common;

namespace Runtime.Supervision;

/// <summary>
/// The seam for an engine layer other than <see cref="Supervisor"/> (engines simulated in a specification, an agent on
/// another host): what it may tell a pool about the pool's engine, as the supervisor does. The rest of a pool's state
/// stays with the runtime's drains and reloads.
/// </summary>
public abstract class PoolEngineLayer : IPoolEngines
{
    /// <inheritdoc />
    public abstract Task<EngineStartResult> StartEngineAsync(string poolId, EngineSpec spec, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract Task<EngineExit?> StopEngineAsync(string poolId, bool force, CancellationToken cancellationToken = default);

    /// <inheritdoc />
    public abstract void TakeOver(string poolId, string reason);

    /// <summary>The pool's engine is being started: the pool turns Starting.</summary>
    /// <exception cref="InvalidOperationException">When the pool cannot start now (for example while it drains).</exception>
    protected static void Starting(Pool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        pool.Transition(PoolState.Starting);
    }

    /// <summary>The pool's engine serves <paramref name="spec"/> as process <paramref name="pid"/> at <paramref name="endpoint"/>: the pool turns Ready.</summary>
    protected static void Serving(Pool pool, EngineSpec spec, int pid, Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(endpoint);
        pool.Transition(PoolState.Ready, m =>
        {
            m.SetSpec(spec);
            m.SetEngine(pid, endpoint, live: true);
        });
    }

    /// <summary>The pool's engine has ended: the pool has no engine and is not live; its state is its drain's or reload's to set.</summary>
    protected static void Ended(Pool pool)
    {
        ArgumentNullException.ThrowIfNull(pool);
        pool.Update(m => m.SetEngine(null, null, live: false));
    }
}
