using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Runtime.Supervision.Crashes;

namespace Runtime.Supervision.CircuitBreaker;

/// <summary>
/// The restart circuit breaker of one pool. <see cref="CircuitState.Closed"/>: restarts are allowed and consecutive
/// failures counted; <c>FailureThreshold</c> (5) of them open the circuit for <c>OpenDuration</c> (300 s). Then it turns
/// <see cref="CircuitState.HalfOpen"/> and admits exactly one probe restart; the probe closes the circuit once it has
/// run stably for <c>StableRunDuration</c> (60 s) after <see cref="RecordStarted"/>, measured by a timer on the
/// <see cref="TimeProvider"/>. A failed probe reopens the circuit with the open duration multiplied (×2), capped at
/// <c>MaxOpenDuration</c> (1 h).
/// </summary>
/// <remarks>
/// One lock guards every circuit; transitions are logged (<c>CircuitStateChanged</c>) and raised through
/// <see cref="StateChanged"/> outside the lock, in order. Metrics: <c>circuit_breaker_state</c> (observable gauge,
/// one measurement per circuit) and <c>circuit_breaker_open_total</c>, tagged <c>pool</c> and <c>circuit</c>.
/// <see cref="RequestRestart"/> takes a lock-free path while every circuit is closed.
/// </remarks>
public sealed partial class PoolCircuitBreaker : IDisposable
{
    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Circuit _general;
    private readonly Circuit?[] _byReason;
    private readonly Circuit[] _all;
    private readonly CircuitBreakerMetrics _metrics;
    private volatile bool _allClosed = true;
    private bool _operatorAllowance;
    private volatile bool _disposed;

    /// <summary>Creates the breaker of pool <paramref name="poolId"/>.</summary>
    /// <param name="poolId">The pool id used in logs, tags and events.</param>
    /// <param name="options">Options, validated here; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="loggerFactory">Makes the logger (category: this type) where transitions are logged; none when null.</param>
    /// <param name="meterFactory">Creates the <c>Runtime</c> meter (<see cref="Runtime.Common.Telemetry.TelemetryNames"/>); a private meter when null.</param>
    /// <exception cref="ArgumentException">An option is invalid or <paramref name="poolId"/> is empty.</exception>
    public PoolCircuitBreaker(string poolId, CircuitBreakerOptions? options = null, TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(poolId);
        options ??= new CircuitBreakerOptions();
        options.Validate();
        PoolId = poolId;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<PoolCircuitBreaker>();
        var settings = new CircuitSettings(options.FailureThreshold, options.OpenDuration, options.MaxOpenDuration,
            options.OpenDurationMultiplier, options.StableRunDuration);
        _general = new Circuit(this, null, settings);
        _byReason = new Circuit?[Enum.GetValues<CrashReason>().Length];
        foreach (var reason in options.SeparateCircuitReasons)
        {
            _byReason[(int)reason] = new Circuit(this, reason, settings);
        }

        _all = [_general, .. _byReason.OfType<Circuit>()];
        _metrics = new CircuitBreakerMetrics(poolId, meterFactory, ReadStates);
    }

    /// <summary>The pool this breaker belongs to.</summary>
    public string PoolId { get; }

    /// <summary>The pool's overall state: open if any circuit is open, else half-open if any is, else closed.</summary>
    public CircuitState State
    {
        get
        {
            lock (_lock)
            {
                var overall = CircuitState.Closed;
                foreach (var c in _all)
                {
                    overall = c.State == CircuitState.Open || overall == CircuitState.Open ? CircuitState.Open
                        : c.State == CircuitState.HalfOpen ? CircuitState.HalfOpen : overall;
                }

                return overall;
            }
        }
    }

    /// <summary>
    /// Set by <see cref="Runtime.Supervision.Policies.RestartPolicy"/>: its one stable-run timer calls <see cref="StableRunElapsed"/>,
    /// so a started run arms no circuit timer (the circuits' timers then measure only open durations).
    /// </summary>
    internal bool SharesStableRun { get; init; }

    /// <summary>Raised (outside the lock, in order) for every transition of any circuit of the pool.</summary>
    public event EventHandler<CircuitStateChange>? StateChanged;

    /// <summary>
    /// State of the circuit that counts failures with <paramref name="reason"/> (its own, or the general one);
    /// of the general circuit when <paramref name="reason"/> is null. <see cref="State"/> combines every circuit.
    /// </summary>
    public CircuitState GetState(CrashReason? reason = null)
    {
        lock (_lock)
        {
            return (reason is { } r ? CircuitFor(r) : _general).State;
        }
    }

    /// <summary>Failures counted by the general circuit, or by <paramref name="reason"/>'s circuit when given.</summary>
    public int GetFailureCount(CrashReason? reason = null)
    {
        lock (_lock)
        {
            return (reason is { } r ? CircuitFor(r) : _general).Failures;
        }
    }

    /// <summary>When the open circuit counting <paramref name="reason"/> (general when null) turns half-open; null unless open.</summary>
    public DateTimeOffset? GetOpenUntil(CrashReason? reason = null)
    {
        lock (_lock)
        {
            var c = reason is { } r ? CircuitFor(r) : _general;
            return c.State == CircuitState.Open ? c.OpenUntil : null;
        }
    }

    /// <summary>Asks to restart the pool's engine. Allowed while every circuit is closed; a half-open circuit admits one probe.</summary>
    public RestartAdmission RequestRestart()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Stryker disable once Block : equivalent, the locked path admits a closed breaker the same way, only slower
        if (_allClosed)
        {
            return RestartAdmission.Allowed;
        }

        List<CircuitStateChange>? changes = null;
        RestartAdmission admission;
        lock (_lock)
        {
            Refresh_NeedsLock(_time.GetUtcNow(), ref changes);
            admission = Admit_NeedsLock();
            UpdateFlags_NeedsLock();
        }

        Raise(changes);
        return admission;
    }

    /// <summary>Same as <see cref="RequestRestart"/>, as a boolean.</summary>
    public bool TryAcquireRestart() => RequestRestart().IsAllowed();

    /// <summary>
    /// The restarted engine is running (ready). After <c>StableRunDuration</c> without a failure, a half-open circuit
    /// closes (the probe succeeded) and a closed one forgets its failures.
    /// </summary>
    public void RecordStarted()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            foreach (var c in _all)
            {
                c.Started_NeedsLock(now);
            }
        }
    }

    /// <summary>
    /// The engine stopped. Any reason but <see cref="CrashReason.GracefulExit"/> is a failure, counted by the
    /// reason's circuit; a failed probe reopens its circuit with a longer open duration.
    /// </summary>
    public void RecordFailure(CrashReason reason)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        List<CircuitStateChange>? changes = null;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            Refresh_NeedsLock(now, ref changes);
            var failed = reason != CrashReason.GracefulExit;
            var owner = failed ? CircuitFor(reason) : null;
            foreach (var c in _all)
            {
                c.Stopped_NeedsLock(failed, ReferenceEquals(c, owner), now, ref changes);
            }

            UpdateFlags_NeedsLock();
        }

        Raise(changes);
    }

    /// <summary>Stops the timers and releases the private meter; every other member then throws <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var c in _all)
            {
                c.Dispose_NeedsLock();
            }
        }

        _metrics.Dispose();
    }
}
