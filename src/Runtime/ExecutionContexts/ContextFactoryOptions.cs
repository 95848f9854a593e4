namespace Runtime.ExecutionContexts;

/// <summary>Options of a <see cref="ContextFactory"/>.</summary>
public sealed class ContextFactoryOptions
{
    /// <summary>
    /// Live root contexts one tenant may hold at once (children do not count: they live inside their
    /// parent). Default <see cref="ContextDefaults.MaxContextsPerTenant"/>; must be &gt; 0.
    /// </summary>
    public int MaxContextsPerTenant { get; set; } = ContextDefaults.MaxContextsPerTenant;

    /// <summary>Whether each successful request records an <c>Executed</c> trace event. Default true.</summary>
    public bool TraceExecutions { get; set; } = true;

    /// <summary>Failed backend connections in a row after which creations for that model fail fast. Default 3.</summary>
    public int BackendFailureThreshold { get; set; } = ContextDefaults.BackendFailureThreshold;

    /// <summary>How long creations for a model fail fast after its backend's last failed connection. Default 30 s.</summary>
    public TimeSpan BackendCoolDown { get; set; } = ContextDefaults.BackendCoolDown;

    /// <summary>Creates the <c>Runtime</c> meter of the factory's counters (<see cref="Runtime.Common.Telemetry.TelemetryNames"/>); a private meter when null.</summary>
    public System.Diagnostics.Metrics.IMeterFactory? MeterFactory { get; set; }

    internal void Validate()
    {
        if (BackendFailureThreshold <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BackendFailureThreshold), BackendFailureThreshold, "At least one failed connection must be allowed before a backend's circuit opens.");
        }

        if (BackendCoolDown <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BackendCoolDown), BackendCoolDown, "The backend cool-down must be positive.");
        }

        Runtime.Common.Time.TimerLimits.Check(BackendCoolDown, "ContextFactoryOptions.BackendCoolDown");
        if (MaxContextsPerTenant <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxContextsPerTenant), MaxContextsPerTenant, "A tenant must be allowed at least one live context.");
        }
    }
}
