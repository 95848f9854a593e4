using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Runtime.Common.Time;
using Runtime.Supervision.Backoff;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.RestartLimits;

namespace Runtime.Supervision.Policies;

/// <summary>
/// The restart policy of one pool: the restart-rate limit, the circuit breaker and the backoff behind one decision.
/// A crash with its reason gives <see cref="RestartVerdict.RestartAfterDelay"/> or a refusal that says why. The
/// supervisor keeps the engine's lifecycle and health and only asks: <see cref="Decide"/> after a crash,
/// <see cref="EngineStarted"/> when an engine serves, <see cref="TryAdmitProbe"/> when a circuit turns half-open, and
/// the operator's <see cref="ResetCircuit"/> and <see cref="AllowOneRestart"/>.
/// </summary>
/// <remarks>
/// The rules are asked in this order: the rate limit (a refusal declares a restart storm, which opens the circuit of
/// the storm's dominant reason), then the circuit breaker, then the backoff, which decides the delay. One stable-run
/// timer tells each rule when the engine has run long enough for it to forget past crashes (the breaker's stable run,
/// the backoff's and the rate limit's reset periods). Thread-safe: each rule has its own lock.
/// </remarks>
public sealed class RestartPolicy : IDisposable
{
    private readonly StableRunTimer _stableRun;
    private readonly TimeSpan _window;
    private readonly bool _restartOnGracefulExit;

    /// <summary>Creates the restart policy of pool <paramref name="poolId"/>.</summary>
    /// <param name="poolId">The pool id used in logs, tags and events.</param>
    /// <param name="options">Options, validated here; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock of every rule; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="randomizer">Returns numbers in [0, 1) for the backoff's jitter; <see cref="Random.Shared"/> when null.</param>
    /// <param name="loggerFactory">Makes each rule's logger; none when null.</param>
    /// <param name="meterFactory">Creates the <c>Runtime</c> meter; a private meter per rule when null.</param>
    /// <exception cref="ArgumentException">An option is invalid or <paramref name="poolId"/> is empty.</exception>
    public RestartPolicy(string poolId, RestartPolicyOptions? options = null, TimeProvider? timeProvider = null,
        Func<double>? randomizer = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(poolId);
        options ??= new RestartPolicyOptions();
        options.Validate();
        var time = timeProvider ?? TimeProvider.System;
        _window = options.RestartLimits.Window;
        _restartOnGracefulExit = options.RestartOnGracefulExit;
        Backoff = new RestartBackoff(poolId, options.Backoff, time, randomizer, loggerFactory, meterFactory) { SharesStableRun = true };
        Breaker = new PoolCircuitBreaker(poolId, options.CircuitBreaker, time, loggerFactory, meterFactory) { SharesStableRun = true };
        RateLimiter = new RestartRateLimiter(poolId, options.RestartLimits, time, loggerFactory, meterFactory) { SharesStableRun = true };
        _stableRun = new StableRunTimer(time,
            (options.CircuitBreaker.StableRunDuration, Breaker.StableRunElapsed),
            (options.Backoff.StableResetAfter, Backoff.StableRunElapsed),
            (options.RestartLimits.StableResetAfter, RateLimiter.StableRunElapsed));
        PoolId = poolId;
    }

    /// <summary>The pool this policy belongs to.</summary>
    public string PoolId { get; }

    /// <summary>The backoff rule: its crash count, its decisions and its <see cref="RestartBackoff.DelayReset"/> event.</summary>
    public RestartBackoff Backoff { get; }

    /// <summary>The circuit breaker: its state, failure counts and <see cref="PoolCircuitBreaker.StateChanged"/> event.</summary>
    public PoolCircuitBreaker Breaker { get; }

    /// <summary>The restart-rate limit: its window and its warning and storm events.</summary>
    public RestartRateLimiter RateLimiter { get; }

    /// <summary>
    /// Decides what follows a crash for <paramref name="reason"/>. The circuit breaker counts the failure in every
    /// case. With <paramref name="restartWanted"/> false (the engine was stopped on purpose meanwhile), nothing else
    /// happens. Otherwise the rate limit, the circuit and the backoff answer in that order, and only an allowed restart
    /// is counted by the rate limit and the backoff.
    /// </summary>
    public RestartDecision Decide(CrashReason reason, bool restartWanted = true)
    {
        if (reason == CrashReason.GracefulExit && !_restartOnGracefulExit)
        {
            return RestartDecision.Stop;
        }

        Breaker.RecordFailure(reason);
        if (!restartWanted)
        {
            return RestartDecision.NotWanted;
        }

        var rate = RecordRestart(reason);
        if (!rate.IsAllowed)
        {
            return RestartDecision.Refuse($"restart storm: {rate.RestartsInWindow} restarts in {_window.TotalSeconds:0} s", waitsForCircuit: false);
        }

        if (!Breaker.RequestRestart().IsAllowed())
        {
            return RestartDecision.Refuse("circuit open", waitsForCircuit: true);
        }

        return RestartDecision.RestartAfter(Backoff.RecordCrash(reason).Delay);
    }

    /// <summary>
    /// Records a restart after a crash for <paramref name="reason"/> if the rate limit allows it; when the refusal
    /// declares a storm, the circuit of the storm's dominant reason is open before this returns.
    /// </summary>
    public RestartRateDecision RecordRestart(CrashReason reason)
    {
        var decision = RateLimiter.TryRecordRestart(reason);
        if (decision.Storm is { } storm)
        {
            Breaker.Trip(storm.DominantReason);
        }

        return decision;
    }

    /// <summary>The pool's engine serves from now: each rule measures its stable run from here, on one timer.</summary>
    public void EngineStarted()
    {
        Backoff.RecordStarted();
        Breaker.RecordStarted();
        RateLimiter.RecordStarted();
        _stableRun.Started();
    }

    /// <summary>A pool waiting for its circuit asks to restart as the probe: true when every circuit admits it.</summary>
    public bool TryAdmitProbe() => Breaker.RequestRestart().IsAllowed();

    /// <summary>Operator: closes every circuit and forgets its failures. The backoff and the rate window are kept.</summary>
    public void ResetCircuit() => Breaker.Reset();

    /// <summary>
    /// Operator: lets exactly one otherwise refused restart through the open circuit, now; false (nothing granted)
    /// when no circuit refuses a restart.
    /// </summary>
    public bool AllowOneRestart() => Breaker.AllowOneRestart() && Breaker.RequestRestart().IsAllowed();

    /// <summary>Stops the stable-run timer and every rule's timers and private meters.</summary>
    public void Dispose()
    {
        _stableRun.Dispose();
        Backoff.Dispose();
        Breaker.Dispose();
        RateLimiter.Dispose();
    }
}
