using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Runtime.Supervision.Backoff;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;
using Runtime.Supervision.RestartLimits;

namespace Runtime.Supervision;

/// <summary>Options of <see cref="Supervisor"/>: the clock, stop grace period, health probing, crash detection and the restart policies.</summary>
public sealed class SupervisorOptions
{
    /// <summary>The clock of every timer (backoff, startup timeout, probes, grace periods). Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Time between SIGTERM and SIGKILL when stopping an engine. Default 10 s.</summary>
    public TimeSpan StopGracePeriod { get; set; } = EngineDefaults.StopGracePeriod;

    /// <summary>Health probing (interval, timeout, failure threshold, startup timeout). Its clock is replaced by <see cref="TimeProvider"/>.</summary>
    public HealthProbeOptions Health { get; set; } = new();

    /// <summary>Driver-error patterns and the OOM evidence source.</summary>
    public CrashDetectionOptions CrashDetection { get; set; } = new();

    /// <summary>Restart an engine that exited with code 0. Default false (the pool becomes Stopped).</summary>
    public bool RestartOnGracefulExit { get; set; } = SupervisionDefaults.RestartOnGracefulExit;

    /// <summary>Backoff between restarts.</summary>
    public RestartBackoffOptions Backoff { get; set; } = new();

    /// <summary>The per-pool circuit breaker.</summary>
    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>The restart-storm limiter.</summary>
    public RestartRateLimiterOptions RestartLimits { get; set; } = new();

    /// <summary>Jitter source for the backoff, in [0, 1). Default <see cref="Random.Shared"/>.</summary>
    public Func<double>? Randomizer { get; set; }

    /// <summary>Makes the loggers, one category per component type (<c>Runtime.Supervision.Drain.DrainCoordinator</c>, ...); none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Creates the <c>Runtime</c> meter (<see cref="Runtime.Common.Telemetry.TelemetryNames"/>); a private meter when null.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>The restart policy's options: <see cref="Backoff"/>, <see cref="CircuitBreaker"/>, <see cref="RestartLimits"/> and <see cref="RestartOnGracefulExit"/>.</summary>
    internal Runtime.Supervision.Policies.RestartPolicyOptions RestartPolicy() => new()
    {
        Backoff = Backoff,
        CircuitBreaker = CircuitBreaker,
        RestartLimits = RestartLimits,
        RestartOnGracefulExit = RestartOnGracefulExit,
    };

    /// <summary>Checks the options once; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        Runtime.Common.Time.TimerLimits.Check(StopGracePeriod, "SupervisorOptions.StopGracePeriod");
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (StopGracePeriod < TimeSpan.Zero)
        {
            throw new ArgumentException($"SupervisorOptions.StopGracePeriod must not be negative, got {StopGracePeriod}.", nameof(StopGracePeriod));
        }

        ArgumentNullException.ThrowIfNull(Health, "SupervisorOptions.Health");
        ArgumentNullException.ThrowIfNull(CrashDetection, "SupervisorOptions.CrashDetection");
        Health.Validate();
        CrashDetection.Validate();
        RestartPolicy().Validate(nameof(SupervisorOptions));
    }
}
