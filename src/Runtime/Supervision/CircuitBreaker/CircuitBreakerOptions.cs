using Runtime.Supervision.Crashes;

namespace Runtime.Supervision.CircuitBreaker;

/// <summary>
/// Options of <see cref="PoolCircuitBreaker"/>. Every default lives in <see cref="CircuitBreakerConstants"/>.
/// Read and validated once, when the breaker is created.
/// </summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>Consecutive failures that open a circuit. Default 5. At least 1.</summary>
    public int FailureThreshold { get; set; } = CircuitBreakerConstants.DefaultFailureThreshold;

    /// <summary>How long a circuit stays open before it turns half-open. Default 300 s. Positive.</summary>
    public TimeSpan OpenDuration { get; set; } = CircuitBreakerConstants.DefaultOpenDuration;

    /// <summary>Cap of the open duration, which grows after each failed probe. Default 1 h. At least <see cref="OpenDuration"/>.</summary>
    public TimeSpan MaxOpenDuration { get; set; } = CircuitBreakerConstants.DefaultMaxOpenDuration;

    /// <summary>Factor applied to the open duration after a failed probe. Default 2. At least 1.</summary>
    public double OpenDurationMultiplier { get; set; } = CircuitBreakerConstants.DefaultOpenDurationMultiplier;

    /// <summary>
    /// Stable running after <see cref="PoolCircuitBreaker.RecordStarted"/> that makes a run a success: it closes a
    /// half-open circuit and zeroes the failures of a closed one. Default 60 s. Positive.
    /// </summary>
    public TimeSpan StableRunDuration { get; set; } = CircuitBreakerConstants.DefaultStableRunDuration;

    /// <summary>
    /// Crash reasons that get a circuit of their own (same thresholds), e.g. { DriverError }: five driver errors open
    /// the driver_error circuit while the general one stays closed. Failures of these reasons count only in their own
    /// circuit; a restart is allowed only when every circuit allows it. Default: empty (one general circuit).
    /// <see cref="CrashReason.GracefulExit"/> cannot be listed: it is never a failure.
    /// </summary>
    public ISet<CrashReason> SeparateCircuitReasons { get; set; } = new HashSet<CrashReason>();

    /// <summary>Throws when an option is out of range; the message names the option and the bad value.</summary>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public void Validate()
    {
        Runtime.Common.Time.TimerLimits.Check(OpenDuration, "CircuitBreakerOptions.OpenDuration");
        Runtime.Common.Time.TimerLimits.Check(MaxOpenDuration, "CircuitBreakerOptions.MaxOpenDuration");
        Runtime.Common.Time.TimerLimits.Check(StableRunDuration, "CircuitBreakerOptions.StableRunDuration");
        const string N = nameof(CircuitBreakerOptions);
        if (FailureThreshold < 1)
        {
            throw new ArgumentException($"{N}.{nameof(FailureThreshold)} must be at least 1; it was {FailureThreshold}.");
        }

        if (OpenDuration <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{N}.{nameof(OpenDuration)} must be positive; it was {OpenDuration}.");
        }

        if (MaxOpenDuration < OpenDuration)
        {
            throw new ArgumentException($"{N}.{nameof(MaxOpenDuration)} must be at least {nameof(OpenDuration)} ({OpenDuration}); it was {MaxOpenDuration}.");
        }

        if (!(OpenDurationMultiplier >= 1.0) || double.IsInfinity(OpenDurationMultiplier))
        {
            throw new ArgumentException($"{N}.{nameof(OpenDurationMultiplier)} must be a finite number of at least 1; it was {OpenDurationMultiplier}.");
        }

        if (StableRunDuration <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{N}.{nameof(StableRunDuration)} must be positive; it was {StableRunDuration}.");
        }

        if (SeparateCircuitReasons is null)
        {
            throw new ArgumentException($"{N}.{nameof(SeparateCircuitReasons)} must not be null.");
        }

        if (SeparateCircuitReasons.Contains(CrashReason.GracefulExit))
        {
            throw new ArgumentException($"{N}.{nameof(SeparateCircuitReasons)} must not contain {CrashReasonNames.GracefulExit}: a graceful exit is never a failure.");
        }
    }
}
