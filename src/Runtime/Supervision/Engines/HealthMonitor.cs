namespace Runtime.Supervision.Engines;

/// <summary>
/// Watches one engine's health: a probe as soon as the endpoint is known, then one every
/// <see cref="HealthProbeOptions.Interval"/> on the <see cref="TimeProvider"/>. Probes never overlap:
/// ticks that fall due during a probe (a clock jump, a slow engine) are probed one after the other
/// once it ends, at most <see cref="HealthProbeOptions.FailureThreshold"/> of them. Reports <see cref="HealthVerdict.Ready"/> once, then at most one of
/// <see cref="HealthVerdict.StartupTimedOut"/> / <see cref="HealthVerdict.Unhealthy"/>, after which it
/// stops probing. Until the engine is ready, a probe that timed out is
/// retried at once rather than at the next interval. Each failed check after the engine was ready raises
/// <see cref="CheckFailed"/> with its running count. Callbacks and events run outside the lock, in order, on the
/// thread that produced them.
/// </summary>
public sealed class HealthMonitor : IDisposable
{
    private readonly object _lock = new();
    private readonly HealthProbeOptions _options;
    private readonly Func<Uri, CancellationToken, Task<HealthProbeResult>> _probe;
    private readonly Action<HealthVerdict, HealthProbeResult> _onVerdict;
    private readonly ITimer _startupTimer;
    private readonly CancellationTokenSource _stop = new();
    private ITimer? _probeTimer;
    private Uri? _endpoint;
    private bool _ready;
    private bool _finished;
    private int _consecutiveFailures;
    private HealthProbeResult _lastFailure;
    private bool _inFlight;
    private int _pending;

    /// <summary>Starts the startup timeout now; probing starts with <see cref="Watch"/>.</summary>
    public HealthMonitor(HealthProbeOptions options, HealthProbe probe, Action<HealthVerdict, HealthProbeResult> onVerdict)
        : this(options, (probe ?? throw new ArgumentNullException(nameof(probe))).ProbeAsync, onVerdict)
    {
    }

    /// <summary>The same, with the probe as a function: the schedule's tests hold a probe in flight and answer it.</summary>
    internal HealthMonitor(HealthProbeOptions options, Func<Uri, CancellationToken, Task<HealthProbeResult>> probe, Action<HealthVerdict, HealthProbeResult> onVerdict)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _probe = probe;
        _onVerdict = onVerdict ?? throw new ArgumentNullException(nameof(onVerdict));
        _startupTimer = options.TimeProvider.CreateTimer(_ => OnStartupTimeout(), null, options.StartupTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// A failed check of an engine that was ready, with the count of failures in a row (checks that fail before the
    /// engine is ready count towards the startup timeout, not here). Raised after the verdict this failure led to
    /// (<see cref="HealthVerdict.Unhealthy"/> at the threshold) was reported: who sees the failure sees its verdict.
    /// Subscribe before <see cref="Watch"/>.
    /// </summary>
    public event EventHandler<HealthCheckFailure>? CheckFailed;

    /// <summary>Consecutive failed probes so far.</summary>
    public int ConsecutiveFailures
    {
        get
        {
            lock (_lock)
            {
                return _consecutiveFailures;
            }
        }
    }

    /// <summary>Begins probing <paramref name="endpoint"/>: one probe now, then one per interval.</summary>
    public void Watch(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        lock (_lock)
        {
            if (_finished || _endpoint is not null)
            {
                return;
            }

            _endpoint = endpoint;
            _probeTimer = _options.TimeProvider.CreateTimer(_ => StartProbe(), null, _options.Interval, _options.Interval);
        }

        StartProbe();
    }

    /// <summary>Stops probing and the startup timeout; no verdict follows.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _finished = true;
        }

        _startupTimer.Dispose();
        _probeTimer?.Dispose();
        _stop.Cancel();
    }

    private void StartProbe()
    {
        lock (_lock)
        {
            if (_finished || _endpoint is null)
            {
                return;
            }

            if (_inFlight)
            {
                // Probes never overlap: a tick during a probe is remembered and probed right after it.
                _pending = Math.Min(_pending + 1, _options.FailureThreshold);
                return;
            }

            _inFlight = true;
        }

        _ = ProbeAsync();
    }

    private async Task ProbeAsync()
    {
        Uri endpoint;
        CancellationToken token;
        lock (_lock)
        {
            endpoint = _endpoint!;
            token = _stop.Token;
        }

        var result = await _probe(endpoint, token).ConfigureAwait(false);
        HealthVerdict? verdict;
        int failures;
        bool next;
        lock (_lock)
        {
            verdict = Record_NeedsLock(result, out failures);
            _inFlight = false;

            // Before the first answer, a probe that timed out (a slow first request) is retried at once:
            // its own timeout paces the retries, the startup timeout bounds them.
            if (!_ready && result.TimedOut)
            {
                _pending = Math.Max(_pending, 1);
            }

            next = !_finished && _pending > 0;
            if (next)
            {
                _pending--;
            }
        }

        Report(verdict, result);
        if (failures > 0)
        {
            CheckFailed?.Invoke(this, new HealthCheckFailure(failures, _options.FailureThreshold, result));
        }

        if (next)
        {
            StartProbe();
        }
    }

    /// <summary>Records a probe; <paramref name="failures"/> is the running count of a failure that counts, else 0.</summary>
    private HealthVerdict? Record_NeedsLock(HealthProbeResult result, out int failures)
    {
        failures = 0;
        if (_finished)
        {
            return null;
        }

        if (result.Healthy)
        {
            _consecutiveFailures = 0;
            if (_ready)
            {
                return null;
            }

            _ready = true;
            return HealthVerdict.Ready;
        }

        _lastFailure = result;
        if (!_ready)
        {
            return null;
        }

        failures = ++_consecutiveFailures;
        if (_consecutiveFailures < _options.FailureThreshold)
        {
            return null;
        }

        _finished = true;
        return HealthVerdict.Unhealthy;
    }

    private void OnStartupTimeout()
    {
        HealthProbeResult last;
        lock (_lock)
        {
            if (_finished || _ready)
            {
                return;
            }

            _finished = true;
            last = _lastFailure;
        }

        Report(HealthVerdict.StartupTimedOut, last);
    }

    private void Report(HealthVerdict? verdict, HealthProbeResult result)
    {
        if (verdict is not { } v)
        {
            return;
        }

        if (v != HealthVerdict.Ready)
        {
            _probeTimer?.Dispose();
        }

        _onVerdict(v, result);
    }
}
