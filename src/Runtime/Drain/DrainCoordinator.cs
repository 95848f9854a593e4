using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Runtime.Pools;
using Runtime.Supervision;

namespace Runtime.Drain;

/// <summary>
/// Drains pools: at once the pool is draining and not ready, so new leases are refused ("pool gpu-0 is
/// draining") while existing leases may finish. Completion is event-driven: the release of the last
/// lease completes it (no polling); the deadline is a timer on the <see cref="TimeProvider"/>. Draining
/// a draining pool joins the same drain; drains of different pools are independent. Thread-safe.
/// </summary>
public sealed class DrainCoordinator : IDisposable
{
    private readonly PoolRegistry _registry;
    private readonly IPoolEngines _engines;
    private readonly DrainOptions _options;
    private readonly ILogger _logger;
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _duration;
    private readonly ConcurrentDictionary<string, Task<DrainOutcome>> _drains = new(StringComparer.Ordinal);
    private readonly object _lock = new();

    /// <summary>Creates the coordinator; <paramref name="options"/> are validated once.</summary>
    public DrainCoordinator(PoolRegistry registry, IPoolEngines engines, DrainOptions? options = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _engines = engines ?? throw new ArgumentNullException(nameof(engines));
        _options = options ?? new DrainOptions();
        _options.Validate();
        _logger = _options.Logger ?? NullLogger.Instance;
        var meterOptions = new MeterOptions(SupervisionDefaults.MeterName);
        _ownsMeter = _options.MeterFactory is null;
        _meter = _options.MeterFactory?.Create(meterOptions) ?? new Meter(meterOptions);
        _duration = _meter.CreateHistogram<double>(DrainDefaults.DurationHistogramName, "ms", "Time from drain start to its end.");
    }

    /// <summary>
    /// Drains pool <paramref name="poolId"/> within <paramref name="deadline"/>. A second call while the
    /// pool drains returns the same task (the first call's deadline and mode apply).
    /// </summary>
    /// <exception cref="PoolNotRegisteredException">"pool gpu-9 is not registered".</exception>
    /// <exception cref="InvalidOperationException">When the pool is neither ready nor draining ("pool gpu-0 cannot be drained while Stopped").</exception>
    public Task<DrainOutcome> DrainAsync(string poolId, TimeSpan deadline, DrainMode mode = DrainMode.StopEngine)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(deadline, TimeSpan.Zero);
        Runtime.Time.TimerLimits.Check(deadline, nameof(deadline));
        var pool = _registry.Get(poolId);
        lock (_lock)
        {
            if (_drains.TryGetValue(poolId, out var running))
            {
                return running;
            }

            if (pool.State != PoolState.Ready)
            {
                throw new InvalidOperationException($"pool {poolId} cannot be drained while {pool.State}");
            }

            pool.Transition(PoolState.Draining);
            var time = _options.TimeProvider;
            var started = time.GetTimestamp();
            var atStart = pool.ActiveLeases;
            DrainLog.Started(_logger, pool.Id, atStart, deadline.TotalSeconds);
            var deadlineCancel = new CancellationTokenSource();
            var idle = pool.WhenIdle();
            var expired = Task.Delay(deadline, time, deadlineCancel.Token);
            var task = RunAsync(pool, mode, started, atStart, idle, expired, deadlineCancel);
            if (!task.IsCompleted)
            {
                _drains[poolId] = task;
                _ = task.ContinueWith(_ => _drains.TryRemove(poolId, out Task<DrainOutcome>? _), TaskScheduler.Default);
            }

            return task;
        }
    }

    /// <summary>True while pool <paramref name="poolId"/> drains.</summary>
    public bool IsDraining(string poolId) => _drains.ContainsKey(poolId);

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private async Task<DrainOutcome> RunAsync(
        Pool pool, DrainMode mode, long started, int atStart, Task idle, Task expired, CancellationTokenSource deadlineCancel)
    {
        var time = _options.TimeProvider;
        var first = await Task.WhenAny(idle, expired).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        deadlineCancel.Cancel();
        deadlineCancel.Dispose();
        DrainOutcome outcome;
        if (first == idle)
        {
            var exit = mode == DrainMode.StopEngine ? await _engines.StopEngineAsync(pool.Id, force: false) : null;
            if (mode == DrainMode.StopEngine)
            {
                pool.Transition(PoolState.Stopped);
            }

            outcome = new DrainOutcome(pool.Id, DrainStatus.Completed, atStart, [], time.GetElapsedTime(started), exit);
            DrainLog.Completed(_logger, pool.Id, outcome.Duration.TotalMilliseconds);
        }
        else
        {
            var abandoned = pool.ActiveLeaseIds();
            if (mode == DrainMode.StopEngine)
            {
                DrainLog.DeadlinePassed(_logger, pool.Id, abandoned.Count, "force-stopping the engine");
                var exit = await _engines.StopEngineAsync(pool.Id, force: true);
                pool.Transition(PoolState.Stopped);
                outcome = new DrainOutcome(pool.Id, DrainStatus.ForceStopped, atStart, abandoned, time.GetElapsedTime(started), exit);
            }
            else
            {
                DrainLog.DeadlinePassed(_logger, pool.Id, abandoned.Count, "the pool serves again");
                pool.Transition(PoolState.Ready);
                outcome = new DrainOutcome(pool.Id, DrainStatus.TimedOut, atStart, abandoned, time.GetElapsedTime(started), null);
            }
        }

        _duration.Record(
            outcome.Duration.TotalMilliseconds,
            new KeyValuePair<string, object?>(SupervisionDefaults.PoolTag, pool.Id),
            new KeyValuePair<string, object?>(DrainDefaults.StatusTag, StatusName(outcome.Status)));
        return outcome;
    }

    private static string StatusName(DrainStatus status) => status switch
    {
        DrainStatus.Completed => "completed",
        DrainStatus.ForceStopped => "force_stopped",
        _ => "timed_out",
    };
}
