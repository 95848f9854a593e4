using Runtime.Supervision.Backoff;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.RestartLimits;

namespace Runtime.Supervision.Policies;

/// <summary>The options of a pool's <see cref="RestartPolicy"/>: its three rules and what a graceful exit means.</summary>
public sealed class RestartPolicyOptions
{
    /// <summary>Backoff between restarts.</summary>
    public RestartBackoffOptions Backoff { get; set; } = new();

    /// <summary>The per-pool circuit breaker.</summary>
    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>The restart-storm limiter.</summary>
    public RestartRateLimiterOptions RestartLimits { get; set; } = new();

    /// <summary>Restart an engine that exited with code 0. Default false (the pool stops).</summary>
    public bool RestartOnGracefulExit { get; set; }

    /// <summary>Checks the options once; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate() => Validate(nameof(RestartPolicyOptions));

    /// <summary>Checks the options, naming a missing rule as a property of <paramref name="owner"/>.</summary>
    internal void Validate(string owner)
    {
        ArgumentNullException.ThrowIfNull(Backoff, $"{owner}.Backoff");
        ArgumentNullException.ThrowIfNull(CircuitBreaker, $"{owner}.CircuitBreaker");
        ArgumentNullException.ThrowIfNull(RestartLimits, $"{owner}.RestartLimits");
        Backoff.Validate();
        CircuitBreaker.Validate();
        RestartLimits.Validate();
    }
}
