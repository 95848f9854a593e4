namespace Runtime.Supervision.Reload;

/// <summary>The result of a reload.</summary>
/// <param name="PoolId">The pool.</param>
/// <param name="Status">How it ended.</param>
/// <param name="FailedStep">The step that failed (for <see cref="ReloadStatus.Failed"/>).</param>
/// <param name="Error">What went wrong: "reload of pool gpu-0 failed at stage: disk full"; null on success.</param>
/// <param name="RolledBack">True when a failure after the old engine was touched was undone and the pool serves its old
/// engine again; false for a success, and for a failure before anything was swapped (a drain that timed out).</param>
/// <param name="Duration">From start to end, on the reload's <see cref="TimeProvider"/>.</param>
public sealed record ReloadResult(string PoolId, ReloadStatus Status, ReloadStep? FailedStep, string? Error, bool RolledBack, TimeSpan Duration)
{
    /// <summary>True for <see cref="ReloadStatus.Reloaded"/> and <see cref="ReloadStatus.AlreadyCurrent"/>.</summary>
    public bool Succeeded => Status is ReloadStatus.Reloaded or ReloadStatus.AlreadyCurrent;

    /// <summary>The correlation id every log event of this reload, and of its drain, carries.</summary>
    public string CorrelationId { get; init; } = "";

    /// <summary>The strategy the reload ran with: <see cref="ReloadStrategy.DrainFirst"/> also when a surge fell back to it.</summary>
    public ReloadStrategy Strategy { get; init; }

    /// <summary>Why a surge asked for ran drain-first instead ("pool gpu-0 declares no device memory"); null otherwise.</summary>
    public string? FallbackReason { get; init; }

    /// <summary>True when a surge was asked for and the reload fell back to drain-first (see <see cref="FallbackReason"/>).</summary>
    public bool FellBackToDrainFirst => FallbackReason is not null;

    /// <summary>A surge's leases still held on the old engine when it was stopped by force at the deadline, or when it ended on its own.</summary>
    public int AbandonedLeases { get; init; }
}
