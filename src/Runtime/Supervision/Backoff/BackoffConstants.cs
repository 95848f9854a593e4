using Runtime.Supervision.Crashes;

namespace Runtime.Supervision.Backoff;

/// <summary>Defaults of <see cref="RestartBackoffOptions"/> and the stable names of the backoff's logs and metrics.</summary>
public static class BackoffConstants
{
    /// <summary>Delay before the first restart after a crash: 1 second.</summary>
    public static readonly TimeSpan DefaultInitialDelay = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of any delay, jitter and reason multiplier included: 60 seconds.</summary>
    public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(60);

    /// <summary>Lower bound of any delay, jitter included: none (zero).</summary>
    public static readonly TimeSpan DefaultMinimumDelay = TimeSpan.Zero;

    /// <summary>Growth factor per consecutive crash: 2 (the delay doubles).</summary>
    public const double DefaultMultiplier = 2.0;

    /// <summary>Jitter as a fraction of the delay: 0.1, that is ±10%.</summary>
    public const double DefaultJitterFactor = 0.1;

    /// <summary>Continuous stable running after which the crash count is forgotten: 300 seconds.</summary>
    public static readonly TimeSpan DefaultStableResetAfter = TimeSpan.FromSeconds(300);

    /// <summary>Extra factor applied to the delay of a crash with <see cref="CrashReason.DriverError"/>: 2.</summary>
    public const double DefaultDriverErrorMultiplier = 2.0;

    /// <summary>Log event raised for every scheduled restart (id 1101).</summary>
    public const string RestartScheduledEventName = "RestartScheduled";

    /// <summary>Log event raised when the crash count is forgotten (id 1102).</summary>
    public const string BackoffResetEventName = "BackoffReset";
}
