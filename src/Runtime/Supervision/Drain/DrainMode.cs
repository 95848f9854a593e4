namespace Runtime.Supervision.Drain;

/// <summary>What a drain does with the engine.</summary>
public enum DrainMode
{
    /// <summary>
    /// Stop the engine: gracefully when the last lease is released, by force at the deadline (the
    /// remaining leases are abandoned). The pool ends <see cref="Pools.PoolState.Stopped"/>. The default.
    /// </summary>
    StopEngine,

    /// <summary>
    /// Keep the engine: when the drain ends the pool is <see cref="Pools.PoolState.Ready"/> again on the same
    /// engine, whether its leases all finished (<see cref="DrainStatus.Completed"/>) or the deadline passed with
    /// leases still active (<see cref="DrainStatus.TimedOut"/>). A reload drains this way too; only when its own
    /// drain completes is the pool handed on to the reload instead.
    /// </summary>
    KeepEngine,
}
