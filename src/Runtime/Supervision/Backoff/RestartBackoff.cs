using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Runtime.Common.Time;
using Runtime.Supervision.Crashes;

namespace Runtime.Supervision.Backoff;

/// <summary>
/// Computes the delay before the next restart of one pool's engine: <c>InitialDelay × Multiplier^(n-1)</c> for the
/// n-th consecutive crash (1 s, 2 s, 4 s ... by default), times the crash reason's multiplier, with ±<c>JitterFactor</c>
/// jitter, always within [<c>MinimumDelay</c>, <c>MaxDelay</c>] (60 s by default).
/// </summary>
/// <remarks>
/// The crash count is forgotten once the pool has run stably for <c>StableResetAfter</c> (300 s by default) since it
/// reported <see cref="RecordStarted"/>: a timer on the <see cref="TimeProvider"/> resets it, and a crash arriving
/// after that period also sees a fresh count. Every decision is logged (<c>RestartScheduled</c>) and measured
/// (<c>backoff_delay_ms</c>, <c>restart_scheduled_total</c>, tagged <c>pool</c> and <c>crash_reason</c>).
/// Thread-safe; <see cref="DelayReset"/> is raised outside the lock.
/// </remarks>
public sealed class RestartBackoff : IDisposable
{
    private readonly object _lock = new();
    private readonly TimeProvider _time;
    private readonly Func<double> _random;
    private readonly ILogger _logger;
    private readonly BackoffMetrics _metrics;
    private readonly TimeSpan _initial, _max, _min, _stableAfter;
    private readonly double _multiplier, _jitter;
    private readonly double[] _reasonMultipliers;
    private StableRunTimer? _ownStableRun;
    private int _crashCount;
    private DateTimeOffset? _startedAt;
    private bool _disposed;

    /// <summary>Creates the backoff of pool <paramref name="poolId"/>.</summary>
    /// <param name="poolId">The pool id used in logs, tags and events.</param>
    /// <param name="options">Options, validated here; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="randomizer">Returns numbers in [0, 1) for the jitter; <see cref="Random.Shared"/> when null.</param>
    /// <param name="loggerFactory">Makes the logger (category: this type) where decisions are logged; none when null.</param>
    /// <param name="meterFactory">Creates the <c>Runtime</c> meter (<see cref="Runtime.Common.Telemetry.TelemetryNames"/>); a private meter when null.</param>
    /// <exception cref="ArgumentException">An option is invalid or <paramref name="poolId"/> is empty.</exception>
    public RestartBackoff(string poolId, RestartBackoffOptions? options = null, TimeProvider? timeProvider = null,
        Func<double>? randomizer = null, ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(poolId);
        options ??= new RestartBackoffOptions();
        options.Validate();
        PoolId = poolId;
        _initial = options.InitialDelay;
        _max = options.MaxDelay;
        _min = options.MinimumDelay;
        _stableAfter = options.StableResetAfter;
        _multiplier = options.Multiplier;
        _jitter = options.JitterFactor;
        _reasonMultipliers = new double[Enum.GetValues<CrashReason>().Length];
        Array.Fill(_reasonMultipliers, 1.0);
        foreach (var (reason, factor) in options.ReasonMultipliers)
        {
            _reasonMultipliers[(int)reason] = factor;
        }

        _time = timeProvider ?? TimeProvider.System;
        _random = randomizer ?? Random.Shared.NextDouble;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<RestartBackoff>();
        _metrics = new BackoffMetrics(poolId, meterFactory);
    }

    /// <summary>The pool this backoff belongs to.</summary>
    public string PoolId { get; }

    /// <summary>Consecutive crashes since the last reset (0 when none).</summary>
    public int ConsecutiveCrashes
    {
        get
        {
            lock (_lock)
            {
                return _crashCount;
            }
        }
    }

    /// <summary>
    /// Set by <see cref="Runtime.Supervision.Policies.RestartPolicy"/>: its one stable-run timer calls <see cref="StableRunElapsed"/>,
    /// so <see cref="RecordStarted"/> arms no timer of this rule's own.
    /// </summary>
    internal bool SharesStableRun { get; init; }

    /// <summary>Raised (outside the lock) when the crash count is forgotten: after the stable period or <see cref="Reset"/>.</summary>
    public event EventHandler<BackoffReset>? DelayReset;

    /// <summary>Records a crash of the pool's engine and decides when to restart it. Logged and measured.</summary>
    /// <param name="reason">Why the engine stopped; selects the reason multiplier and the <c>crash_reason</c> tag.</param>
    /// <returns>The delay, the crash count, the restart time and the reason.</returns>
    public BackoffDecision RecordCrash(CrashReason reason)
    {
        BackoffReset? reset;
        BackoffDecision decision;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            reset = ResetIfStable_NeedsLock(now);
            _startedAt = null;
            _crashCount = _crashCount == int.MaxValue ? int.MaxValue : _crashCount + 1;
            var delay = ComputeDelay(_crashCount, reason, _random());
            decision = new BackoffDecision(delay, _crashCount, now + delay, reason);
        }

        Raise(reset);
        BackoffLog.RestartScheduled(_logger, PoolId, decision.CrashCount, CrashReasonNames.GetName(reason), decision.Delay.TotalMilliseconds, decision.NextRestartAt);
        _metrics.Scheduled(decision);
        return decision;
    }

    /// <summary>
    /// Records that the pool's engine started (is ready). If it keeps running for <c>StableResetAfter</c> without a
    /// crash, the crash count resets to zero and the next delay is the first delay again.
    /// </summary>
    public void RecordStarted()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _startedAt = _time.GetUtcNow();
            if (!SharesStableRun)
            {
                (_ownStableRun ??= new StableRunTimer(_time, (_stableAfter, OnStableTimer))).Started();
            }
        }
    }

    /// <summary>Forgets the crash count now (operator action, or the pool is known stable). The next delay is the first delay.</summary>
    public void Reset()
    {
        BackoffReset? reset = null;
        lock (_lock)
        {
            if (_crashCount > 0)
            {
                reset = new BackoffReset(PoolId, _crashCount, _time.GetUtcNow(), "manual");
                _crashCount = 0;
            }
        }

        Raise(reset);
    }

    /// <summary>Stops the stable timer and releases the private meter.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _ownStableRun?.Dispose();
        }

        _metrics.Dispose();
    }

    internal TimeSpan ComputeDelay(int crashCount, CrashReason reason, double random)
    {
        var ticks = _initial.Ticks * Math.Pow(_multiplier, Math.Min(crashCount - 1, 1024));
        ticks = Math.Min(ticks, _max.Ticks) * _reasonMultipliers[(int)reason];
        ticks = Math.Min(ticks, _max.Ticks);
        var r = double.IsNaN(random) ? 0.5 : Math.Clamp(random, 0.0, 1.0);
        ticks *= 1.0 + (_jitter * ((2.0 * r) - 1.0));
        return TimeSpan.FromTicks((long)Math.Clamp(ticks, _min.Ticks, _max.Ticks));
    }

    /// <summary>The shared stable-run timer: the stable period may have passed since <see cref="RecordStarted"/>.</summary>
    internal void StableRunElapsed() => OnStableTimer();

    private void OnStableTimer()
    {
        BackoffReset? reset;
        lock (_lock)
        {
            reset = ResetIfStable_NeedsLock(_time.GetUtcNow());
        }

        Raise(reset);
    }

    private BackoffReset? ResetIfStable_NeedsLock(DateTimeOffset now)
    {
        if (_startedAt is not { } started || now - started < _stableAfter || _crashCount == 0)
        {
            return null;
        }

        var reset = new BackoffReset(PoolId, _crashCount, now, "stable");
        _crashCount = 0;
        return reset;
    }

    private void Raise(BackoffReset? reset)
    {
        if (reset is { } r)
        {
            BackoffLog.BackoffReset(_logger, PoolId, r.Cause, r.ForgottenCrashes);
            DelayReset?.Invoke(this, r);
        }
    }
}
