namespace Runtime.Drain;

/// <summary>What a drain does with the engine.</summary>
public enum DrainMode
{
    /// <summary>
    /// Stop the engine: gracefully when the last lease is released, by force at the deadline (the
    /// remaining leases are abandoned). The pool ends <see cref="Pools.PoolState.Stopped"/>. The default.
    /// </summary>
    StopEngine,

    /// <summary>
    /// Keep the engine (a reload stops it itself): when the deadline passes with leases still active,
    /// the drain times out and the pool is ready again on the same engine.
    /// </summary>
    KeepEngine,
}
