using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Common;

namespace Runtime.Supervision.Reload;

/// <summary>
/// Replaces a pool's engine by another model or engine version: drain (no force-stop), stage the model,
/// stop the old engine, start the new one, wait for its health on loopback, write the handoff file.
/// The pool keeps its id and metadata. A failure at any step kills the new process, restores the old
/// model, restarts the old engine and waits for its health; the pool is never ready without a serving
/// engine. If the rollback fails too the pool is Failed and the supervisor takes over. Thread-safe
/// (one reload per pool at a time: a second one is refused while the first runs).
/// </summary>
public sealed partial class ReloadCoordinator : IDisposable
{
    private readonly PoolRegistry _registry;
    private readonly IPoolEngines _engines;
    private readonly DrainCoordinator _drains;
    private readonly ReloadOptions _options;
    private readonly IModelProvisioner _provisioner;
    private readonly ILogger _logger;
    private readonly ReloadMetrics _metrics;
    private readonly HashSet<string> _reloading = new(StringComparer.Ordinal);

    /// <summary>Creates the coordinator; <paramref name="options"/> are validated once.</summary>
    public ReloadCoordinator(PoolRegistry registry, IPoolEngines engines, DrainCoordinator drains, ReloadOptions? options = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _engines = engines ?? throw new ArgumentNullException(nameof(engines));
        _drains = drains ?? throw new ArgumentNullException(nameof(drains));
        _options = options ?? new ReloadOptions();
        _options.Validate();
        _provisioner = _options.Provisioner ?? new NoModelProvisioner();
        _logger = (_options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ReloadCoordinator>();
        _metrics = new ReloadMetrics(_options.MeterFactory);
    }

    /// <summary>Reloads pool <paramref name="poolId"/> to serve <paramref name="model"/> (engine version unchanged).</summary>
    public Task<ReloadResult> ReloadModelAsync(string poolId, string model, TimeSpan drainDeadline, CancellationToken cancellationToken = default) =>
        _registry.TryGet(poolId, out var pool)
            ? ReloadAsync(poolId, pool.Spec with { Model = model }, drainDeadline, cancellationToken)
            : Task.FromResult(Refused(poolId, $"pool {poolId} is not registered", CorrelationIds.New()));

    /// <summary>
    /// Reloads pool <paramref name="poolId"/> to <paramref name="target"/>. The same model and engine
    /// version is an idempotent success that skips staging. Never throws for a failed step: the result
    /// names it.
    /// </summary>
    /// <param name="poolId">The pool.</param>
    /// <param name="target">The engine to serve.</param>
    /// <param name="drainDeadline">How long the leases held have to finish before the reload gives up.</param>
    /// <param name="cancellationToken">Gives the reload up; the pool is put back as it was.</param>
    /// <param name="correlationId">Carried by every log event of the reload and of its drain, and by its result; generated when null.</param>
    /// <param name="strategy">
    /// <see cref="ReloadStrategy.DrainFirst"/> (the default), or <see cref="ReloadStrategy.Surge"/>: the new engine starts
    /// first, and <paramref name="drainDeadline"/> bounds the old engine's drain from the switch on. A surge without room
    /// for both engines runs drain-first and says so (<see cref="ReloadResult.FallbackReason"/>, event <c>ReloadFellBack</c>).
    /// </param>
    /// <exception cref="ArgumentNullException">When <paramref name="target"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="drainDeadline"/> is negative or too long for a timer, or <paramref name="strategy"/> is unknown.</exception>
    /// <exception cref="ArgumentException">When <paramref name="target"/> is incomplete (<see cref="EngineSpec.Validate"/>) or <paramref name="correlationId"/> blank.</exception>
    public async Task<ReloadResult> ReloadAsync(
        string poolId, EngineSpec target, TimeSpan drainDeadline, CancellationToken cancellationToken = default, string? correlationId = null, ReloadStrategy strategy = ReloadStrategy.DrainFirst)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!Enum.IsDefined(strategy))
        {
            throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown reload strategy: DrainFirst or Surge.");
        }

        // Checked before anything starts, whichever the strategy: a drain-first reload to an incomplete engine would
        // otherwise drain the pool and stop its engine before it failed.
        target.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(drainDeadline, TimeSpan.Zero);
        Runtime.Common.Time.TimerLimits.Check(drainDeadline, nameof(drainDeadline));

        correlationId = CorrelationIds.OrNew(correlationId);
        if (!_registry.TryGet(poolId, out var pool))
        {
            return Refused(poolId, $"pool {poolId} is not registered", correlationId);
        }

        var snapshot = pool.Snapshot();
        if (snapshot.State == PoolState.Ready && snapshot.Spec.SameVersionAs(target))
        {
            ReloadLog.AlreadyCurrent(_logger, poolId, target.VersionLabel, correlationId);
            return Record(new ReloadResult(poolId, ReloadStatus.AlreadyCurrent, null, null, false, TimeSpan.Zero) { CorrelationId = correlationId });
        }

        var refusal = snapshot.State switch
        {
            PoolState.Ready => null,
            PoolState.Draining => $"pool {poolId} is draining",
            PoolState.Reloading => $"pool {poolId} is reloading",
            _ => $"pool {poolId} is not ready",
        };
        lock (_reloading)
        {
            if (refusal is null && !_reloading.Add(poolId))
            {
                refusal = $"pool {poolId} is reloading";
            }
        }

        if (refusal is not null)
        {
            return Refused(poolId, refusal, correlationId);
        }

        try
        {
            return Record(await RunWithAsync(strategy, pool, snapshot, target, drainDeadline, correlationId, cancellationToken).ConfigureAwait(false));
        }
        finally
        {
            lock (_reloading)
            {
                _reloading.Remove(poolId);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose() => _metrics.Dispose();

    /// <summary>A reload refused before it touched anything: logged with why, under its correlation id.</summary>
    private ReloadResult Refused(string poolId, string why, string correlationId)
    {
        ReloadLog.Refused(_logger, poolId, why, correlationId);
        return Record(new ReloadResult(poolId, ReloadStatus.Refused, null, why, false, TimeSpan.Zero) { CorrelationId = correlationId });
    }

    private ReloadResult Record(ReloadResult result)
    {
        _metrics.Record(result);
        return result;
    }
}
