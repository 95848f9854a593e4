namespace Runtime.Supervision.RestartLimits;

/// <summary>
/// Options of <see cref="RestartRateLimiter"/>. Every default lives in <see cref="RestartLimitConstants"/>.
/// Read and validated once, when the limiter is created.
/// </summary>
public sealed class RestartRateLimiterOptions
{
    /// <summary>Restarts allowed within <see cref="Window"/>; one more is refused and declares a storm. Default 10. At least 1.</summary>
    public int MaxRestarts { get; set; } = RestartLimitConstants.DefaultMaxRestarts;

    /// <summary>Length of the sliding window over exact restart times. Default 60 s. Positive.</summary>
    public TimeSpan Window { get; set; } = RestartLimitConstants.DefaultWindow;

    /// <summary>A warning is raised for each restart that brings the window's count above this. Default 5. In [0, <see cref="MaxRestarts"/>).</summary>
    public int WarningThreshold { get; set; } = RestartLimitConstants.DefaultWarningThreshold;

    /// <summary>Stable running after the pool reported started that clears the restart count and window. Default 600 s. Positive.</summary>
    public TimeSpan StableResetAfter { get; set; } = RestartLimitConstants.DefaultStableResetAfter;

    /// <summary>Throws when an option is out of range; the message names the option and the bad value.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public void Validate()
    {
        Runtime.Common.Time.TimerLimits.Check(Window, "RestartRateLimiterOptions.Window");
        Runtime.Common.Time.TimerLimits.Check(StableResetAfter, "RestartRateLimiterOptions.StableResetAfter");
        const string N = nameof(RestartRateLimiterOptions);
        if (MaxRestarts < 1)
        {
            throw new ArgumentException($"{N}.{nameof(MaxRestarts)} must be at least 1; it was {MaxRestarts}.");
        }

        if (Window <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{N}.{nameof(Window)} must be positive; it was {Window}.");
        }

        if (WarningThreshold < 0 || WarningThreshold >= MaxRestarts)
        {
            throw new ArgumentException($"{N}.{nameof(WarningThreshold)} must be at least 0 and below {nameof(MaxRestarts)} ({MaxRestarts}); it was {WarningThreshold}.");
        }

        if (StableResetAfter <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{N}.{nameof(StableResetAfter)} must be positive; it was {StableResetAfter}.");
        }
    }
}
