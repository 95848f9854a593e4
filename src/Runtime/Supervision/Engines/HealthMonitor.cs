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
/// thread that produced them. A probe that throws counts as a failed check. <see cref="DisposeAsync"/> cancels the
/// probe in flight and returns once it has ended, so no probe outlives its monitor.
/// </summary>
public sealed partial class HealthMonitor : IDisposable, IAsyncDisposable
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
    private TaskCompletionSource _probeEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
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

    /// <summary>Stops probing and the startup timeout, and cancels the probe in flight; no verdict follows.</summary>
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

    /// <summary>As <see cref="Dispose"/>, then waits until the probe in flight (cancelled) has ended.</summary>
    public async ValueTask DisposeAsync()
    {
        Dispose();
        Task probing;
        lock (_lock)
        {
            probing = _inFlight ? _probeEnded.Task : Task.CompletedTask;
        }

        await probing.ConfigureAwait(false);
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
            _probeEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        // Not awaited here: probes run one after the other (each starts the next), and whoever disposes the monitor
        // waits for the one in flight (DisposeAsync). ProbeAsync never throws.
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

        HealthProbeResult result;
        try
        {
            result = await _probe(endpoint, token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // a probe's own fault is a failed check of the engine, never a monitor that stops probing
        catch (Exception e)
#pragma warning restore CA1031
        {
            result = new HealthProbeResult(false, null, $"the probe failed: {e.Message}");
        }

        HealthVerdict? verdict;
        int failures;
        bool next;
        lock (_lock)
        {
            verdict = Record_NeedsLock(result, out failures);
            _inFlight = false;
            _probeEnded.TrySetResult();

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
}
