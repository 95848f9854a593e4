namespace Runtime.Supervision.Engines;

/// <summary>Defaults of <see cref="EngineLauncherOptions"/> and <see cref="HealthProbeOptions"/>.</summary>
public static class EngineDefaults
{
    /// <summary>Time between SIGTERM and SIGKILL when stopping an engine: 10 seconds.</summary>
    public static readonly TimeSpan StopGracePeriod = TimeSpan.FromSeconds(10);

    /// <summary>How long disposal waits for killed children to be reaped: 5 seconds (real time).</summary>
    public static readonly TimeSpan DisposeWait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long, after an engine has ended, its remaining output is read at most before the exit is reported: 1 second
    /// (real time). Output normally ends with the process; when a helper the engine started holds the pipes, a marker
    /// written behind the engine's output ends the wait at once (Linux); only where it cannot be written is this waited.
    /// </summary>
    public static readonly TimeSpan OutputDrainLimit = TimeSpan.FromSeconds(1);

    /// <summary>Environment variable telling the engine its manager's pid.</summary>
    public const string ParentPidVariable = "ENGINE_PARENT_PID";

    /// <summary>The stdout line prefix announcing the health endpoint.</summary>
    public const string ListeningPrefix = "listening on ";

    /// <summary>The stdout line prefix a cooperating engine writes just before a plain exit: <c>exiting with code N</c>.</summary>
    public const string ExitAnnouncementPrefix = "exiting with code ";

    /// <summary>Time between health probes: 5 seconds.</summary>
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(5);

    /// <summary>Timeout of one health probe request: 2 seconds.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Consecutive failed probes that make an engine unhealthy: 3.</summary>
    public const int FailureThreshold = 3;

    /// <summary>Time an engine has to become ready after start: 60 seconds.</summary>
    public static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The health path: <c>/health</c>.</summary>
    public const string HealthPath = "/health";
}
