using Runtime.Supervision.Backoff;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Policies;
using Runtime.Supervision.RestartLimits;

namespace Steps.Drivers;

/// <summary>
/// The restart policy of one pool, the supervisor's own <see cref="RestartPolicy"/>, and what the scenario's When
/// steps did with its rules: backoff decisions, circuit admissions, restart-rate decisions, warnings and storms.
/// Restarts go through the policy, so a restart storm opens the pool's circuit exactly as it does under supervision,
/// and a running engine starts the policy's one stable-run timer.
/// </summary>
public sealed class PoolPolicies : IDisposable
{
    private readonly TimeProvider _time;
    private readonly int _failureThreshold;
    private readonly RestartPolicy _policy;

    internal PoolPolicies(RestartPolicy policy, TimeProvider time, int failureThreshold)
    {
        _failureThreshold = failureThreshold;
        _policy = policy;
        _time = time;
        Limiter.Warning += (_, warning) => Warnings.Add(warning);
        Limiter.Storm += (_, storm) => Storms.Add(storm);
        Breaker.StateChanged += (_, change) => CircuitChanges.Add(change);
        Backoff.DelayReset += (_, reset) => DelayResets.Add(reset);
    }

    /// <summary>The pool's backoff.</summary>
    public RestartBackoff Backoff => _policy.Backoff;

    /// <summary>The pool's circuit breaker.</summary>
    public PoolCircuitBreaker Breaker => _policy.Breaker;

    /// <summary>The pool's restart-rate limiter.</summary>
    public RestartRateLimiter Limiter => _policy.RateLimiter;

    /// <summary>Backoff decisions, in order.</summary>
    public List<BackoffDecision> Decisions { get; } = [];

    /// <summary>Resets of the restart delay announced by the backoff, in order.</summary>
    public List<BackoffReset> DelayResets { get; } = [];

    /// <summary>Answers of the circuit breaker to restart attempts, in order.</summary>
    public List<RestartAdmission> Admissions { get; } = [];

    /// <summary>Restart-rate decisions, in order.</summary>
    public List<RestartRateDecision> Restarts { get; } = [];

    /// <summary>Restart-rate warnings raised, in order.</summary>
    public List<RestartRateWarning> Warnings { get; } = [];

    /// <summary>Restart storms declared, in order.</summary>
    public List<RestartStorm> Storms { get; } = [];

    /// <summary>The circuit's state changes announced, in order.</summary>
    public List<CircuitStateChange> CircuitChanges { get; } = [];

    /// <summary>The engine crashed: the backoff decides the restart delay.</summary>
    public BackoffDecision Crash(CrashReason reason)
    {
        var decision = Backoff.RecordCrash(reason);
        Decisions.Add(decision);
        return decision;
    }

    /// <summary>The engine failed: the circuit breaker counts it.</summary>
    public void Fail(CrashReason reason) => Breaker.RecordFailure(reason);

    /// <summary>The pool attempts a restart through its circuit breaker.</summary>
    public RestartAdmission AttemptRestart()
    {
        var admission = Breaker.RequestRestart();
        Admissions.Add(admission);
        return admission;
    }

    /// <summary>The pool restarts after a crash, if the restart-rate limit allows; a storm trips the circuit.</summary>
    public RestartRateDecision Restart(CrashReason reason)
    {
        var decision = _policy.RecordRestart(reason);
        Restarts.Add(decision);
        return decision;
    }

    /// <summary>The engine is running again: every rule of the policy starts measuring stable running.</summary>
    public void Running() => _policy.EngineStarted();

    /// <summary>
    /// Opens the general circuit with consecutive failures: at most the configured failure threshold of them
    /// (a breaker that does not open by then is reported, never driven forever).
    /// </summary>
    public void OpenCircuit()
    {
        var failureThreshold = _failureThreshold;
        for (var failures = 0; failures < failureThreshold && Breaker.GetState() != CircuitState.Open; failures++)
        {
            Fail(CrashReason.ProcessExit);
        }

        if (Breaker.GetState() != CircuitState.Open)
        {
            throw new InvalidOperationException(
                $"the circuit of pool {Breaker.PoolId} did not open after {failureThreshold} consecutive failures: it is {Breaker.GetState()}");
        }
    }

    /// <summary>From an open circuit, waits until it is half-open and admits the probe (not yet running).</summary>
    public void StartProbe(Action<DateTimeOffset> waitUntil)
    {
        if (Breaker.GetOpenUntil() is { } until)
        {
            waitUntil(until);
        }

        var admission = AttemptRestart();
        if (admission != RestartAdmission.Probe)
        {
            throw new InvalidOperationException($"pool {Breaker.PoolId} expected to admit a probe, but the circuit answered {admission}");
        }
    }

    /// <summary>Seconds until the open general circuit turns half-open.</summary>
    public double SecondsOpen() => Breaker.GetOpenUntil() is { } until ? (until - _time.GetUtcNow()).TotalSeconds : 0;

    /// <inheritdoc />
    public void Dispose() => _policy.Dispose();
}
