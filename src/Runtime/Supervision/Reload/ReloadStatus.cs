namespace Runtime.Supervision.Reload;

/// <summary>How a reload ended.</summary>
public enum ReloadStatus
{
    /// <summary>The pool serves the new version.</summary>
    Reloaded,

    /// <summary>The pool already served that version: nothing was done (no staging).</summary>
    AlreadyCurrent,

    /// <summary>Not attempted: the pool is unknown, draining, reloading or not ready.</summary>
    Refused,

    /// <summary>A step failed; see <see cref="ReloadResult.FailedStep"/> and <see cref="ReloadResult.RolledBack"/>.</summary>
    Failed,
}
