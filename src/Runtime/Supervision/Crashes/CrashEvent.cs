namespace Runtime.Supervision.Crashes;

/// <summary>One crash of a pool's engine, as classified by <see cref="CrashClassifier"/>.</summary>
/// <param name="PoolId">The pool, for example <c>gpu-0</c>.</param>
/// <param name="Model">The model the engine served.</param>
/// <param name="EngineVersion">The engine version.</param>
/// <param name="Uptime">From engine start to the crash, on the supervisor's <see cref="TimeProvider"/>.</param>
/// <param name="ExitCode">The exit code for a plain exit; null for a signal death or a live engine that was stopped.</param>
/// <param name="Signal">The signal name ("SIGSEGV") for a signal death; otherwise null.</param>
/// <param name="Reason">The classification.</param>
/// <param name="At">When the crash was detected.</param>
/// <param name="Detail">Human-readable evidence: "exited with code 3", "killed by SIGSEGV", the driver-error line, ...</param>
public readonly record struct CrashEvent(
    string PoolId,
    string Model,
    string EngineVersion,
    TimeSpan Uptime,
    int? ExitCode,
    string? Signal,
    CrashReason Reason,
    DateTimeOffset At,
    string Detail)
{
    /// <summary>The stable snake_case name of <see cref="Reason"/>.</summary>
    public string ReasonName => CrashReasonNames.GetName(Reason);

    /// <summary>The pool's last error for this crash: "signal: killed by SIGSEGV".</summary>
    public string Message => $"{ReasonName}: {Detail}";
}
