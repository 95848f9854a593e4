namespace Runtime.Supervision.Engines;

/// <summary>The outcome of one GET /health.</summary>
/// <param name="Healthy">True for a 2xx answer.</param>
/// <param name="StatusCode">The HTTP status, or null when no answer came (refused, timed out).</param>
/// <param name="Error">Why the probe failed ("timed out after 2000 ms", "connection refused", "HTTP 503"); null when healthy.</param>
public readonly record struct HealthProbeResult(bool Healthy, int? StatusCode, string? Error)
{
    /// <summary>True when the probe got no answer within its timeout.</summary>
    public bool TimedOut => StatusCode is null && Error is not null && Error.StartsWith("timed out", StringComparison.Ordinal);
}
