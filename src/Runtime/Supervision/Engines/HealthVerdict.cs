namespace Runtime.Supervision.Engines;

/// <summary>What a <see cref="HealthMonitor"/> concluded about an engine.</summary>
public enum HealthVerdict
{
    /// <summary>The first healthy probe answered: the engine is ready.</summary>
    Ready,

    /// <summary>The engine was not ready within the startup timeout.</summary>
    StartupTimedOut,

    /// <summary>The failure threshold of consecutive failed probes was reached after the engine was ready.</summary>
    Unhealthy,
}
