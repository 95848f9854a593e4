namespace Runtime.Supervision.Pools;

/// <summary>The lifecycle state of a pool. Only <see cref="Ready"/> accepts new leases.</summary>
public enum PoolState
{
    /// <summary>Registered (or restored from the state file); no engine started yet.</summary>
    Registered,

    /// <summary>An engine is starting; not ready until its health check passes.</summary>
    Starting,

    /// <summary>The engine serves and is healthy: leases are accepted.</summary>
    Ready,

    /// <summary>Leases are being drained: new leases are refused, existing ones may finish.</summary>
    Draining,

    /// <summary>The engine is being replaced by a reload.</summary>
    Reloading,

    /// <summary>The engine crashed; a restart is scheduled after the backoff delay.</summary>
    Restarting,

    /// <summary>The engine was stopped on purpose (drain completed, shutdown).</summary>
    Stopped,

    /// <summary>The pool cannot serve: restarts refused (storm, open circuit) or a rollback failed.</summary>
    Failed,
}
