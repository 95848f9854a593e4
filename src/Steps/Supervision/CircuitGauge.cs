namespace Steps.Supervision;

/// <summary>The runtime.circuit_breaker.state gauge's encoding, as docs/metrics.md defines it: 0 closed, 1 open, 2 half-open.</summary>
internal static class CircuitGauge
{
    /// <summary>The state a reading names, as scenarios say it.</summary>
    public static string StateName(double value) => value switch
    {
        0 => "closed",
        1 => "open",
        2 => "half-open",
        _ => $"unknown ({value})",
    };
}
