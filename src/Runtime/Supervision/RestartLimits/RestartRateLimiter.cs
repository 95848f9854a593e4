using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Runtime.Common.Time;
using Runtime.Supervision.Crashes;

namespace Runtime.Supervision.RestartLimits;

/// <summary>
/// Limits the restarts of one pool over a sliding window of exact restart times: a restart is allowed while fewer
/// than <c>MaxRestarts</c> (10) happened in the last <c>Window</c> (60 s). Each restart that brings the window above
/// <c>WarningThreshold</c> (5) raises a <see cref="Warning"/>. The first refusal is a restart storm: a critical
/// <see cref="Storm"/> event, classified by its dominant crash reason, on which the caller opens the pool's circuit.
/// </summary>
/// <remarks>
/// After <see cref="RecordStarted"/> and <c>StableResetAfter</c> (600 s) of stable running, a timer on the
/// <see cref="TimeProvider"/> clears the restart count and the window. Metrics: <c>restart_storm_total</c> and the
/// observable gauge <c>restart_rate</c> (restarts within the window), tagged <c>pool</c>. Thread-safe; events are
/// raised outside the lock.
/// </remarks>
public sealed partial class RestartRateLimiter : IDisposable
{
    private readonly object _lock = new();
    private readonly Queue<(DateTimeOffset At, CrashReason Reason)> _window = new();
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RestartLimitMetrics _metrics;
    private readonly int _max, _warnAbove;
    private readonly TimeSpan _windowLength, _stableAfter;
    private StableRunTimer? _ownStableRun;
    private DateTimeOffset? _startedAt;
    private int _restartCount;
    private bool _storming;
    private bool _disposed;

    /// <summary>Creates the restart-rate limiter of pool <paramref name="poolId"/>.</summary>
    /// <param name="poolId">The pool id used in logs, tags and events.</param>
    /// <param name="options">Options, validated here; <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="loggerFactory">Makes the logger (category: this type) where warnings and storms are logged; none when null.</param>
    /// <param name="meterFactory">Creates the <c>Runtime</c> meter (<see cref="Runtime.Common.Telemetry.TelemetryNames"/>); a private meter when null.</param>
    /// <exception cref="ArgumentException">An option is invalid or <paramref name="poolId"/> is empty.</exception>
    public RestartRateLimiter(string poolId, RestartRateLimiterOptions? options = null, TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null, IMeterFactory? meterFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(poolId);
        options ??= new RestartRateLimiterOptions();
        options.Validate();
        PoolId = poolId;
        _max = options.MaxRestarts;
        _warnAbove = options.WarningThreshold;
        _windowLength = options.Window;
        _stableAfter = options.StableResetAfter;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<RestartRateLimiter>();
        _metrics = new RestartLimitMetrics(poolId, meterFactory, () => RestartsInWindow);
    }

    /// <summary>The pool this limiter belongs to.</summary>
    public string PoolId { get; }

    /// <summary>Restarts within the window ending now.</summary>
    public int RestartsInWindow
    {
        get
        {
            lock (_lock)
            {
                Prune_NeedsLock(_time.GetUtcNow());
                return _window.Count;
            }
        }
    }

    /// <summary>Restarts allowed since the last stable period or reset (not limited to the window).</summary>
    public int RestartCount
    {
        get
        {
            lock (_lock)
            {
                return _restartCount;
            }
        }
    }

    /// <summary>
    /// Set by <see cref="Runtime.Supervision.Policies.RestartPolicy"/>: its one stable-run timer calls <see cref="StableRunElapsed"/>,
    /// so <see cref="RecordStarted"/> arms no timer of this rule's own.
    /// </summary>
    internal bool SharesStableRun { get; init; }

    /// <summary>Raised (outside the lock) when a restart brings the window above the warning threshold.</summary>
    public event EventHandler<RestartRateWarning>? Warning;

    /// <summary>Raised (outside the lock) when a restart storm is declared; the supervisor opens the pool's circuit.</summary>
    public event EventHandler<RestartStorm>? Storm;

    /// <summary>
    /// Asks to restart the pool after a crash with <paramref name="reason"/>. When allowed, the restart is recorded at
    /// the current time. The first refusal of a run of refusals declares a storm.
    /// </summary>
    public RestartRateDecision TryRecordRestart(CrashReason reason)
    {
        RestartRateDecision decision;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var now = _time.GetUtcNow();
            Prune_NeedsLock(now);
            _startedAt = null;
            if (_window.Count < _max)
            {
                _window.Enqueue((now, reason));
                _restartCount++;
                _storming = false;
                RestartRateWarning? warning = _window.Count > _warnAbove ? new RestartRateWarning(PoolId, _window.Count, _windowLength, now) : null;
                decision = new RestartRateDecision(true, _window.Count, warning, null);
            }
            else
            {
                RestartStorm? storm = null;
                if (!_storming)
                {
                    _storming = true;
                    var dominant = Dominant_NeedsLock(reason);
                    storm = new RestartStorm(PoolId, _window.Count, _windowLength, dominant, RestartStormKinds.Classify(dominant), now);
                }

                decision = new RestartRateDecision(false, _window.Count, null, storm);
            }
        }

        Raise(decision);
        return decision;
    }

    /// <summary>The pool's engine is running: after <c>StableResetAfter</c> without a restart, the count and window clear.</summary>
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

    /// <summary>Clears the restart count and the window now (operator action).</summary>
    public void Reset() => Clear("manual", stableOnly: false);

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

    /// <summary>The shared stable-run timer: the stable period may have passed since <see cref="RecordStarted"/>.</summary>
    internal void StableRunElapsed() => OnStableTimer();

    private void OnStableTimer() => Clear("stable", stableOnly: true);

    private void Clear(string cause, bool stableOnly)
    {
        int cleared;
        lock (_lock)
        {
            if (stableOnly && (_startedAt is not { } started || _time.GetUtcNow() - started < _stableAfter))
            {
                return;
            }

            cleared = _restartCount;
            _restartCount = 0;
            _window.Clear(); // the storm ends with the next restart, which an empty window always allows
        }

        if (cleared > 0)
        {
            RestartLimitLog.Reset(_logger, PoolId, cause, cleared);
        }
    }

    private void Prune_NeedsLock(DateTimeOffset now)
    {
        while (_window.Count > 0 && now - _window.Peek().At >= _windowLength)
        {
            _window.Dequeue();
        }
    }
}
