using Runtime.Pools;

namespace Runtime.Supervision;

/// <summary>
/// Engines that can run a pool's next engine beside the one serving it, for a surge reload (start the new engine
/// first). Implemented by <see cref="Supervisor"/>; a reload over engines without it falls back to drain-first.
/// </summary>
public interface ISurgeEngines
{
    /// <summary>
    /// Starts <paramref name="spec"/> beside pool <paramref name="poolId"/>'s serving engine and waits until it passes its
    /// health check or fails (<see cref="EngineSurge.Start"/> says which). The pool is not touched: it keeps serving on
    /// its engine and the new one gets no lease until <see cref="EngineSurge.TrySwitch"/>. A failed new engine is killed.
    /// Cancelling kills the new engine and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the pool has no serving engine, or a surge of it is under way.</exception>
    /// <exception cref="PoolNotRegisteredException">When the pool is unknown.</exception>
    Task<EngineSurge> StartBesideAsync(string poolId, EngineSpec spec, CancellationToken cancellationToken = default);
}
