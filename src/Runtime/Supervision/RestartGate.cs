using Runtime.CircuitBreaker;
using Runtime.Crashes;
using Runtime.RestartLimits;

namespace Runtime.Supervision;

/// <summary>
/// The restart-rate limit in front of a pool's circuit breaker. A restart the limiter refuses as a restart storm
/// opens the circuit counting the storm's dominant reason, so the pool stays down for the breaker's open time (or
/// until an operator resets it) instead of retrying the moment the window slides. <see cref="PoolSupervisor"/> gates
/// every restart through it; the restart-storm specifications drive the same type.
/// </summary>
public sealed class RestartGate
{
    private readonly RestartRateLimiter _limiter;
    private readonly PoolCircuitBreaker _breaker;

    /// <summary>Gates restarts counted by <paramref name="limiter"/>; storms open <paramref name="breaker"/>.</summary>
    public RestartGate(RestartRateLimiter limiter, PoolCircuitBreaker breaker)
    {
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(breaker);
        _limiter = limiter;
        _breaker = breaker;
    }

    /// <summary>
    /// Records a restart after a crash for <paramref name="reason"/> if the rate limit allows it; when the refusal
    /// declares a storm, the circuit is open before this returns (<see cref="RestartRateDecision.OpensCircuit"/>).
    /// </summary>
    public RestartRateDecision TryRecordRestart(CrashReason reason)
    {
        var decision = _limiter.TryRecordRestart(reason);
        if (decision.Storm is { } storm)
        {
            _breaker.Trip(storm.DominantReason);
        }

        return decision;
    }
}
