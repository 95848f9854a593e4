namespace Runtime.Supervision.Crashes;

/// <summary>
/// Why an engine process of a pool stopped. Drives the backoff multiplier, the per-reason circuit and the
/// classification of restart storms. The stable snake_case name of each value (used in logs, metric tags and
/// specifications) is given by <see cref="CrashReasonNames"/>.
/// </summary>
public enum CrashReason
{
    /// <summary>The engine exited on its own with exit code 0 (for example after a drain). Not a failure.</summary>
    GracefulExit,

    /// <summary>The engine exited with a non-zero exit code.</summary>
    ProcessExit,

    /// <summary>The engine was killed by a signal other than the out-of-memory killer (for example SIGSEGV, SIGKILL).</summary>
    Signal,

    /// <summary>The engine was killed because it ran out of memory (OOM killer, or an out-of-memory report from the engine).</summary>
    OutOfMemory,

    /// <summary>The engine reported an accelerator driver error (for example a CUDA/driver fault).</summary>
    DriverError,

    /// <summary>The engine stopped answering its health check and was stopped by the supervisor.</summary>
    HealthCheckFailure,

    /// <summary>The engine failed before it reported ready (bad model path, missing weights, port in use...).</summary>
    StartupFailure,
}


/// <summary>
/// Stable snake_case names of <see cref="CrashReason"/> values, as used in log events, the <c>crash_reason</c>
/// metric tag and the specifications. These names never change once published.
/// </summary>
public static class CrashReasonNames
{
    /// <summary><see cref="CrashReason.GracefulExit"/>.</summary>
    public const string GracefulExit = "graceful_exit";

    /// <summary><see cref="CrashReason.ProcessExit"/>.</summary>
    public const string ProcessExit = "process_exit";

    /// <summary><see cref="CrashReason.Signal"/>.</summary>
    public const string Signal = "signal";

    /// <summary><see cref="CrashReason.OutOfMemory"/>.</summary>
    public const string OutOfMemory = "out_of_memory";

    /// <summary><see cref="CrashReason.DriverError"/>.</summary>
    public const string DriverError = "driver_error";

    /// <summary><see cref="CrashReason.HealthCheckFailure"/>.</summary>
    public const string HealthCheckFailure = "health_check_failure";

    /// <summary><see cref="CrashReason.StartupFailure"/>.</summary>
    public const string StartupFailure = "startup_failure";

    /// <summary>Gets the stable name of <paramref name="reason"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined <see cref="CrashReason"/>.</exception>
    public static string GetName(CrashReason reason) => reason switch
    {
        CrashReason.GracefulExit => GracefulExit,
        CrashReason.ProcessExit => ProcessExit,
        CrashReason.Signal => Signal,
        CrashReason.OutOfMemory => OutOfMemory,
        CrashReason.DriverError => DriverError,
        CrashReason.HealthCheckFailure => HealthCheckFailure,
        CrashReason.StartupFailure => StartupFailure,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown crash reason."),
    };

    /// <summary>Parses a stable name (exact, case-sensitive) back into a <see cref="CrashReason"/>.</summary>
    /// <returns><see langword="true"/> when <paramref name="name"/> is one of the stable names.</returns>
    public static bool TryParse(string? name, out CrashReason reason)
    {
        switch (name)
        {
            case GracefulExit: reason = CrashReason.GracefulExit; return true;
            case ProcessExit: reason = CrashReason.ProcessExit; return true;
            case Signal: reason = CrashReason.Signal; return true;
            case OutOfMemory: reason = CrashReason.OutOfMemory; return true;
            case DriverError: reason = CrashReason.DriverError; return true;
            case HealthCheckFailure: reason = CrashReason.HealthCheckFailure; return true;
            case StartupFailure: reason = CrashReason.StartupFailure; return true;
            default: reason = default; return false;
        }
    }
}
