namespace Runtime.Supervision.CircuitBreaker;

/// <summary>The breaker's answer to a restart attempt (<see cref="PoolCircuitBreaker.RequestRestart"/>).</summary>
public enum RestartAdmission
{
    /// <summary>Allowed: every circuit is closed.</summary>
    Allowed,

    /// <summary>Allowed as the single probe of a half-open circuit.</summary>
    Probe,

    /// <summary>Allowed once by the operator (<see cref="PoolCircuitBreaker.AllowOneRestart"/>); no counter was reset.</summary>
    OperatorAllowed,

    /// <summary>Refused: a circuit is open.</summary>
    RefusedOpen,

    /// <summary>Refused: the circuit is half-open and its one probe is already outstanding.</summary>
    RefusedProbeOutstanding,
}

/// <summary>Helpers for <see cref="RestartAdmission"/>.</summary>
public static class RestartAdmissionExtensions
{
    /// <summary>Whether the attempt may go ahead.</summary>
    public static bool IsAllowed(this RestartAdmission admission) => admission <= RestartAdmission.OperatorAllowed;
}
