namespace Runtime.Supervision.CircuitBreaker;

/// <summary>State of a pool's restart circuit. The numeric values are those of the <c>circuit_breaker_state</c> gauge.</summary>
public enum CircuitState
{
    /// <summary>Restarts are allowed; consecutive failures are counted. Gauge value 0.</summary>
    Closed = 0,

    /// <summary>Restarts are refused until the open duration has passed (or the operator allows one). Gauge value 1.</summary>
    Open = 1,

    /// <summary>Exactly one probe restart is admitted; it closes the circuit after running stably. Gauge value 2.</summary>
    HalfOpen = 2,
}
