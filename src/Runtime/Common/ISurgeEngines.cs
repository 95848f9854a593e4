using Runtime.Supervision.Pools;

namespace Runtime.Common;

/// <summary>
/// Engines that can run a pool's next engine beside the one serving it, for a surge reload (start the new engine
/// first). Implemented by <c>Runtime.Supervision.Supervisor</c>; a reload over engines without it falls back to drain-first.
/// </summary>
public interface ISurgeEngines
{
    /// <summary>
    /// Starts <paramref name="spec"/> beside pool <paramref name="poolId"/>'s serving engine and waits until it passes its
    /// health check or fails (<see cref="IEngineSurge.Start"/> says which). The pool is not touched: it keeps serving on
    /// its engine and the new one gets no lease until <see cref="IEngineSurge.TrySwitch"/>. A failed new engine is killed.
    /// Cancelling kills the new engine and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">When the pool has no serving engine, or a surge of it is under way.</exception>
    /// <exception cref="PoolNotRegisteredException">When the pool is unknown.</exception>
    Task<IEngineSurge> StartBesideAsync(string poolId, EngineSpec spec, CancellationToken cancellationToken = default);
}
