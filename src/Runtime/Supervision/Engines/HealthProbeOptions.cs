namespace Runtime.Supervision.Engines;

/// <summary>Options of <see cref="HealthMonitor"/>. Defaults in <see cref="EngineDefaults"/>.</summary>
public sealed class HealthProbeOptions
{
    /// <summary>Time between probes once the endpoint is known, on <see cref="TimeProvider"/>. Default 5 s.</summary>
    public TimeSpan Interval { get; set; } = EngineDefaults.ProbeInterval;

    /// <summary>Timeout of one probe request, on <see cref="RequestClock"/> (real time by default, see <see cref="HealthProbe"/>). Default 2 s.</summary>
    public TimeSpan Timeout { get; set; } = EngineDefaults.ProbeTimeout;

    /// <summary>
    /// The clock that times a probe request, chosen by the endpoint probed. Default null: real time
    /// (<see cref="System.TimeProvider.System"/>) for every endpoint. Not <see cref="TimeProvider"/>: a probe is a real
    /// request, and a jump of a manual schedule clock must not time out a request an engine is still answering. A
    /// test that sees an engine hold a request unanswered gives each endpoint a manual clock of its own and moves that
    /// engine's by <see cref="Timeout"/>: the request times out at once, and no other engine's request does.
    /// </summary>
    public Func<Uri, TimeProvider>? RequestClock { get; set; }

    /// <summary>Consecutive failed probes, after the engine was ready, that make it unhealthy. Default 3.</summary>
    public int FailureThreshold { get; set; } = EngineDefaults.FailureThreshold;

    /// <summary>Time from start to the first healthy probe before a startup failure, on <see cref="TimeProvider"/>. Default 60 s.</summary>
    public TimeSpan StartupTimeout { get; set; } = EngineDefaults.StartupTimeout;

    /// <summary>The clock for the probe schedule and the startup timeout. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks the options once; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        Runtime.Common.Time.TimerLimits.Check(Interval, "HealthProbeOptions.Interval");
        Runtime.Common.Time.TimerLimits.Check(Timeout, "HealthProbeOptions.Timeout");
        Runtime.Common.Time.TimerLimits.Check(StartupTimeout, "HealthProbeOptions.StartupTimeout");
        Positive(Interval, nameof(Interval));
        Positive(Timeout, nameof(Timeout));
        Positive(StartupTimeout, nameof(StartupTimeout));
        if (FailureThreshold < 1)
        {
            throw new ArgumentException($"HealthProbeOptions.FailureThreshold must be at least 1, got {FailureThreshold}.", nameof(FailureThreshold));
        }

        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"HealthProbeOptions.{name} must be positive, got {value}.", name);
        }
    }
}
