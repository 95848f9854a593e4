namespace Runtime.Drain;

/// <summary>Stable names of drain instruments and log events.</summary>
public static class DrainDefaults
{
    /// <summary>Histogram of drain durations in milliseconds, tagged <c>pool</c> and <c>drain_status</c>.</summary>
    public const string DurationHistogramName = "drain_duration_ms";

    /// <summary>The status tag (completed, force_stopped, timed_out).</summary>
    public const string StatusTag = "drain_status";
}
