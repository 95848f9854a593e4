using Runtime.Supervision.Crashes;

namespace Runtime.Supervision.Backoff;

/// <summary>
/// Options of <see cref="RestartBackoff"/>. Every default lives in <see cref="BackoffConstants"/>.
/// Read and validated once, when the backoff is created; later changes have no effect.
/// </summary>
public sealed class RestartBackoffOptions
{
    /// <summary>Delay before the first restart. Default 1 s. Must be positive and at most <see cref="MaxDelay"/>.</summary>
    public TimeSpan InitialDelay { get; set; } = BackoffConstants.DefaultInitialDelay;

    /// <summary>Cap of every delay, after the reason multiplier and the jitter. Default 60 s.</summary>
    public TimeSpan MaxDelay { get; set; } = BackoffConstants.DefaultMaxDelay;

    /// <summary>Floor of every delay, after the jitter. Default zero (no floor). Must be at most <see cref="MaxDelay"/>.</summary>
    public TimeSpan MinimumDelay { get; set; } = BackoffConstants.DefaultMinimumDelay;

    /// <summary>Growth factor per consecutive crash. Default 2 (1 s, 2 s, 4 s ...). Must be at least 1.</summary>
    public double Multiplier { get; set; } = BackoffConstants.DefaultMultiplier;

    /// <summary>Jitter as a fraction of the delay: the delay is scaled by a factor in [1 - f, 1 + f). Default 0.1. Range [0, 1).</summary>
    public double JitterFactor { get; set; } = BackoffConstants.DefaultJitterFactor;

    /// <summary>Stable running (since the pool reported started) after which the crash count resets. Default 300 s.</summary>
    public TimeSpan StableResetAfter { get; set; } = BackoffConstants.DefaultStableResetAfter;

    /// <summary>
    /// Extra factor per crash reason, applied to that crash's delay before the cap. Reasons not listed use 1.
    /// Default: <see cref="CrashReason.DriverError"/> ×2. Every factor must be positive.
    /// </summary>
    public IDictionary<CrashReason, double> ReasonMultipliers { get; set; } = new Dictionary<CrashReason, double>
    {
        [CrashReason.DriverError] = BackoffConstants.DefaultDriverErrorMultiplier,
    };

    /// <summary>Throws when an option is out of range; the message names the option and the bad value.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public void Validate()
    {
        Runtime.Common.Time.TimerLimits.Check(InitialDelay, "RestartBackoffOptions.InitialDelay");
        Runtime.Common.Time.TimerLimits.Check(MaxDelay, "RestartBackoffOptions.MaxDelay");
        // MinimumDelay needs no check of its own: it is refused above MaxDelay, which is checked.
        Runtime.Common.Time.TimerLimits.Check(StableResetAfter, "RestartBackoffOptions.StableResetAfter");
        const string N = nameof(RestartBackoffOptions);
        if (InitialDelay <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{N}.{nameof(InitialDelay)} must be positive; it was {InitialDelay}.");
        }

        if (MaxDelay < InitialDelay)
        {
            throw new ArgumentException($"{N}.{nameof(MaxDelay)} must be at least {nameof(InitialDelay)} ({InitialDelay}); it was {MaxDelay}.");
        }

        if (MinimumDelay < TimeSpan.Zero || MinimumDelay > MaxDelay)
        {
            throw new ArgumentException($"{N}.{nameof(MinimumDelay)} must be between zero and {nameof(MaxDelay)} ({MaxDelay}); it was {MinimumDelay}.");
        }

        if (!(Multiplier >= 1.0) || double.IsInfinity(Multiplier))
        {
            throw new ArgumentException($"{N}.{nameof(Multiplier)} must be a finite number of at least 1; it was {Multiplier}.");
        }

        if (!(JitterFactor >= 0.0 && JitterFactor < 1.0))
        {
            throw new ArgumentException($"{N}.{nameof(JitterFactor)} must be at least 0 and below 1; it was {JitterFactor}.");
        }

        if (StableResetAfter <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{N}.{nameof(StableResetAfter)} must be positive; it was {StableResetAfter}.");
        }

        if (ReasonMultipliers is null)
        {
            throw new ArgumentException($"{N}.{nameof(ReasonMultipliers)} must not be null.");
        }

        foreach (var (reason, factor) in ReasonMultipliers)
        {
            if (!(factor > 0.0) || double.IsInfinity(factor))
            {
                throw new ArgumentException($"{N}.{nameof(ReasonMultipliers)}[{CrashReasonNames.GetName(reason)}] must be a finite positive number; it was {factor}.");
            }
        }
    }
}
