namespace Runtime.Supervision;

/// <summary>Defaults and stable names of supervision.</summary>
public static class SupervisionDefaults
{
    /// <summary>The meter shared by supervision, drain and reload instruments: <c>Runtime.Supervision</c>.</summary>
    public const string MeterName = "Runtime.Supervision";

    /// <summary>Counter of engine crashes, tagged <c>pool</c> and <c>crash_reason</c>.</summary>
    public const string CrashCounterName = "engine_crash_total";

    /// <summary>Counter of engine restarts, tagged <c>pool</c>.</summary>
    public const string RestartCounterName = "engine_restart_total";

    /// <summary>The pool id tag (as the backoff, breaker and restart-limit instruments).</summary>
    public const string PoolTag = "pool";

    /// <summary>The crash reason tag (snake_case names of <see cref="Crashes.CrashReasonNames"/>).</summary>
    public const string ReasonTag = "crash_reason";

    /// <summary>A graceful exit (code 0) is not restarted: false.</summary>
    public const bool RestartOnGracefulExit = false;
}
