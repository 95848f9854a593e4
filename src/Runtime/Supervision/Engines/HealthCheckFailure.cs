namespace Runtime.Supervision.Engines;

/// <summary>One failed health check of an engine that was ready, as <see cref="HealthMonitor.CheckFailed"/> reports it.</summary>
/// <param name="ConsecutiveFailures">Failed checks in a row so far, this one included (1 for the first).</param>
/// <param name="FailureThreshold">The consecutive failures that make the engine unhealthy.</param>
/// <param name="Result">The failed probe (its error says why: timed out, refused, an HTTP status).</param>
public readonly record struct HealthCheckFailure(int ConsecutiveFailures, int FailureThreshold, HealthProbeResult Result)
{
    /// <summary>True when this failure reached the threshold: the engine was reported unhealthy.</summary>
    public bool MadeUnhealthy => ConsecutiveFailures >= FailureThreshold;
}
