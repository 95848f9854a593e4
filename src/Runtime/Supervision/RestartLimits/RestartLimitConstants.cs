namespace Runtime.Supervision.RestartLimits;

/// <summary>Defaults of <see cref="RestartRateLimiterOptions"/> and the stable names of the limiter's logs and metrics.</summary>
public static class RestartLimitConstants
{
    /// <summary>Restarts allowed within one window: 10.</summary>
    public const int DefaultMaxRestarts = 10;

    /// <summary>Length of the sliding window: 60 seconds.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(60);

    /// <summary>Restarts in the window above which a warning is raised: 5 (the 6th restart warns).</summary>
    public const int DefaultWarningThreshold = 5;

    /// <summary>Continuous stable running after which the restart count and the window are cleared: 600 seconds.</summary>
    public static readonly TimeSpan DefaultStableResetAfter = TimeSpan.FromSeconds(600);

    /// <summary>Log event when the restarts in the window exceed the warning threshold (id 1301).</summary>
    public const string WarningEventName = "RestartRateWarning";

    /// <summary>Critical log event of a restart storm (id 1302).</summary>
    public const string StormEventName = "RestartStorm";

    /// <summary>Log event of a restart refused by the rate limit (id 1303).</summary>
    public const string RefusedEventName = "RestartRateLimited";

    /// <summary>Log event when the restart count is cleared after the stable period or a reset (id 1304).</summary>
    public const string ResetEventName = "RestartCountReset";
}
