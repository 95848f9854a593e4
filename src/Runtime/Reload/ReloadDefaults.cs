namespace Runtime.Reload;

/// <summary>Stable names of reload instruments.</summary>
public static class ReloadDefaults
{
    /// <summary>Histogram of reload durations in milliseconds, tagged <c>pool</c>, <c>outcome</c> and <c>strategy</c>.</summary>
    public const string DurationHistogramName = "reload_duration_ms";

    /// <summary>Counter of successful reloads, tagged <c>pool</c>.</summary>
    public const string SuccessCounterName = "reload_success_total";

    /// <summary>Counter of failed reloads, tagged <c>pool</c> and <c>reason</c> (<see cref="ReloadStepNames"/>).</summary>
    public const string FailureCounterName = "reload_failure_total";

    /// <summary>The strategy tag of the duration histogram (<see cref="ReloadStrategyNames"/>).</summary>
    public const string StrategyTag = "strategy";

    /// <summary>The reason tag.</summary>
    public const string ReasonTag = "reason";

    /// <summary>The handoff file name suffix: <c>gpu-0.handoff.json</c>.</summary>
    public const string HandoffSuffix = ".handoff.json";
}
