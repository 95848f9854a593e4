using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;

namespace Runtime.Common;

/// <summary>Starts and stops a pool's engine on behalf of drain and reload. Implemented by <c>Runtime.Supervision.Supervisor</c>.</summary>
public interface IPoolEngines
{
    /// <summary>
    /// Starts <paramref name="spec"/> for the pool and waits until it is healthy: then the pool is
    /// <see cref="PoolState.Ready"/> with that spec and the engine is supervised. On failure the new
    /// process is killed, the pool state is left as it was, and the result says why.
    /// </summary>
    Task<EngineStartResult> StartEngineAsync(string poolId, EngineSpec spec, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stops the pool's engine on purpose (not a crash): SIGTERM then SIGKILL after the grace period,
    /// or SIGKILL at once when <paramref name="force"/>. The pool is no longer live. Null when no engine ran.
    /// Cancelling <paramref name="cancellationToken"/> cuts the grace period short: the engine is killed then.
    /// </summary>
    Task<EngineExit?> StopEngineAsync(string poolId, bool force, CancellationToken cancellationToken = default);

    /// <summary>Hands a pool whose engine could not be restored to the restart policies (backoff, storm, breaker).</summary>
    void TakeOver(string poolId, string reason);
}
