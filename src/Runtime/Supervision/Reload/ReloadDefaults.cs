namespace Runtime.Supervision.Reload;

/// <summary>Stable names of the reload's files (its instruments are in <see cref="Runtime.Common.Telemetry.TelemetryNames"/>).</summary>
public static class ReloadDefaults
{
    /// <summary>The handoff file name suffix: <c>gpu-0.handoff.json</c>.</summary>
    public const string HandoffSuffix = ".handoff.json";
}
