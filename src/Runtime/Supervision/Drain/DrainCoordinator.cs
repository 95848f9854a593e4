using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Common.Telemetry;
using Runtime.Common;

namespace Runtime.Supervision.Drain;

/// <summary>
/// Drains pools: at once the pool is draining and not ready, so new leases are refused ("pool gpu-0 is
/// draining") while existing leases may finish. Completion is event-driven: the release of the last
/// lease completes it (no polling); the deadline is a timer on the <see cref="TimeProvider"/>, and it
/// bounds the engine's graceful stop too. Draining a draining pool joins the same drain: an operator's
/// drain (<see cref="DrainMode.StopEngine"/>) that joins a reload's drain makes it stop the engine; a
/// reload never joins a drain. When a drain has ended the pool is never left <see cref="PoolState.Draining"/>
/// with nobody to move it on: a drain that stops the engine leaves it <see cref="PoolState.Stopped"/>, one that
/// keeps it gives it back <see cref="PoolState.Ready"/>, and only a reload's own drain, whose leases all finished,
/// hands it on to that reload (which turns it <see cref="PoolState.Reloading"/>). A drain cancelled (by its caller's
/// token, or because the coordinator is disposed) before its leases finished gives the pool back Ready, keeps the
/// engine, and ends cancelled. Drains of different pools are independent. Thread-safe.
/// </summary>
public sealed partial class DrainCoordinator : IDisposable
{
    private readonly PoolRegistry _registry;
    private readonly IPoolEngines _engines;
    private readonly DrainOptions _options;
    private readonly ILogger _logger;
    private readonly RuntimeMeter _meter;
    private readonly Histogram<double> _duration;
    private readonly Dictionary<string, RunningDrain> _drains = new(StringComparer.Ordinal);
    private readonly object _lock = new();
    private readonly CancellationTokenSource _disposing = new();
    private bool _disposed;

    /// <summary>Creates the coordinator; <paramref name="options"/> are validated once.</summary>
    public DrainCoordinator(PoolRegistry registry, IPoolEngines engines, DrainOptions? options = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _engines = engines ?? throw new ArgumentNullException(nameof(engines));
        _options = options ?? new DrainOptions();
        _options.Validate();
        _logger = (_options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<DrainCoordinator>();
        _meter = new RuntimeMeter(_options.MeterFactory);
        _duration = _meter.Meter.CreateHistogram<double>(TelemetryNames.DrainDuration, "s", "Time from drain start to its end.", tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryNames.DurationBuckets });
    }

    /// <summary>
    /// Drains pool <paramref name="poolId"/> within <paramref name="deadline"/>. A second call while the
    /// pool drains returns the same task, under the first call's deadline; a <see cref="DrainMode.StopEngine"/>
    /// call makes that drain stop the engine (see <see cref="DrainOutcome.Mode"/>).
    /// </summary>
    /// <param name="poolId">The pool.</param>
    /// <param name="deadline">How long the leases have; the engine's graceful stop ends by then too.</param>
    /// <param name="mode">Stop the engine (the pool ends Stopped) or keep it (the pool serves again when the drain ends).</param>
    /// <param name="correlationId">Carried by every log event of the drain and by its outcome; generated when null. A drain joined keeps its own.</param>
    /// <param name="cancellationToken">
    /// Cancels the drain this call starts while its leases may still finish: the pool serves again with its engine, and the
    /// task ends cancelled. For a call that joins a drain under way, it cancels only this call's wait.
    /// </param>
    /// <exception cref="PoolNotRegisteredException">"pool gpu-9 is not registered".</exception>
    /// <exception cref="ObjectDisposedException">When the coordinator is disposed.</exception>
    /// <exception cref="InvalidOperationException">
    /// When the pool is neither ready nor draining ("pool gpu-0 cannot be drained while Stopped"), or when a
    /// <see cref="DrainMode.KeepEngine"/> drain would join a drain that stops the engine.
    /// </exception>
    public Task<DrainOutcome> DrainAsync(
        string poolId, TimeSpan deadline, DrainMode mode = DrainMode.StopEngine, string? correlationId = null, CancellationToken cancellationToken = default) =>
        Start(poolId, deadline, mode, correlationId, forReload: false, cancellationToken);

    /// <summary>
    /// A reload's drain: it keeps the engine and never joins another drain ("pool gpu-0 is draining"). When its leases
    /// all finish it hands the pool to the reload as <see cref="PoolState.Reloading"/>, in the step that ends the drain (an
    /// operator's drain is then refused "cannot be drained while Reloading"); at its deadline the pool serves again, as for any drain that keeps the engine.
    /// </summary>
    internal Task<DrainOutcome> DrainForReloadAsync(string poolId, TimeSpan deadline, string correlationId, CancellationToken cancellationToken = default) =>
        Start(poolId, deadline, DrainMode.KeepEngine, correlationId, forReload: true, cancellationToken);

    /// <summary>True while pool <paramref name="poolId"/> drains.</summary>
    public bool IsDraining(string poolId)
    {
        lock (_lock)
        {
            return _drains.ContainsKey(poolId);
        }
    }

    /// <summary>Cancels every drain under way (each gives its pool back Ready) and refuses new ones. Safe to call more than once.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _disposing.Cancel();
        _disposing.Dispose();
        _meter.Dispose();
    }

    private Task<DrainOutcome> Start(string poolId, TimeSpan deadline, DrainMode mode, string? correlationId, bool forReload, CancellationToken cancellationToken)
    {
        correlationId = CorrelationIds.OrNew(correlationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(deadline, TimeSpan.Zero);
        Runtime.Common.Time.TimerLimits.Check(deadline, nameof(deadline));
        var pool = _registry.Get(poolId);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_drains.TryGetValue(poolId, out var running))
            {
                if (forReload)
                {
                    throw new InvalidOperationException($"pool {poolId} is draining");
                }

                if (mode == DrainMode.StopEngine)
                {
                    running.Mode = DrainMode.StopEngine;
                }
                else if (running.Mode == DrainMode.StopEngine)
                {
                    throw new InvalidOperationException($"pool {poolId} cannot be drained while Draining to stop its engine");
                }

                return running.Task.WaitAsync(cancellationToken);
            }

            // Read once: a reload ending now moves the pool on outside this lock, and the refusal names the state refused.
            var state = pool.State;
            if (state != PoolState.Ready)
            {
                throw new InvalidOperationException($"pool {poolId} cannot be drained while {state}");
            }

            pool.Transition(PoolState.Draining);
            var time = _options.TimeProvider;
            var started = time.GetTimestamp();
            var atStart = pool.ActiveLeases;
            DrainLog.Started(_logger, pool.Id, atStart, deadline.TotalSeconds, correlationId);
            var drain = new RunningDrain(mode, correlationId, forReload);
            _drains[poolId] = drain;
            drain.Task = RunAsync(pool, drain, started, atStart, deadline, CancellationTokenSource.CreateLinkedTokenSource(_disposing.Token, cancellationToken));
            return drain.Task;
        }
    }
}
