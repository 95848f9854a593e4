namespace Runtime.Supervision.Pools;

/// <summary>Why a lease was refused; <see cref="None"/> when it was granted.</summary>
public enum LeaseRefusal
{
    /// <summary>Granted.</summary>
    None,

    /// <summary>No pool has that id.</summary>
    NotRegistered,

    /// <summary>The pool is draining.</summary>
    Draining,

    /// <summary>The pool is not ready (starting, restarting, stopped, failed, reloading).</summary>
    NotReady,

    /// <summary>Every lease slot of the pool is in use (<see cref="PoolRegistryOptions.MaxLeasesPerPool"/>).</summary>
    Exhausted,
}
