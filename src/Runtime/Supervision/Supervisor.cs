using System.Collections.Concurrent;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Common;

namespace Runtime.Supervision;

/// <summary>
/// Supervises the engines of the pools of a <see cref="PoolRegistry"/>, each pool independently: on a
/// crash it classifies (<see cref="CrashClassifier"/>), records it on the pool (crash count, last error,
/// not live, not ready), checks the restart storm limit and the circuit breaker, then restarts the
/// engine after the backoff delay (a timer on <see cref="SupervisorOptions.TimeProvider"/>) and marks
/// the pool ready once its health check passes. Thread-safe; events fire outside locks.
/// <see cref="DisposeAsync"/> stops the engines gracefully; after disposal every operation throws
/// <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class Supervisor : IPoolEngines, ISurgeEngines, IDisposable, IAsyncDisposable
{
    private readonly PoolRegistry _registry;
    private readonly SupervisorContext _context;
    private readonly ConcurrentDictionary<string, PoolSupervisor> _pools = new(StringComparer.Ordinal);
    private readonly HealthProbe _probe;
    private readonly SupervisionMetrics _metrics;
    private int _disposed;

    /// <summary>Creates a supervisor; <paramref name="options"/> are validated once.</summary>
    public Supervisor(PoolRegistry registry, IEngineLauncher launcher, SupervisorOptions? options = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        ArgumentNullException.ThrowIfNull(launcher);
        options ??= new SupervisorOptions();
        options.Validate();
        var health = new HealthProbeOptions
        {
            Interval = options.Health.Interval,
            Timeout = options.Health.Timeout,
            FailureThreshold = options.Health.FailureThreshold,
            StartupTimeout = options.Health.StartupTimeout,
            TimeProvider = options.TimeProvider,
        };
        _probe = new HealthProbe(health.Timeout, options.Health.RequestClock);
        _metrics = new SupervisionMetrics(options.MeterFactory);
        _context = new SupervisorContext(options, launcher, health, _probe, new CrashClassifier(options.CrashDetection), _metrics,
            crash => Crashed?.Invoke(this, crash), (pool, line) => EngineOutput?.Invoke(this, new PoolEngineOutput(pool, line)));
    }

    /// <summary>Raised for every crash (after it is recorded on the pool).</summary>
    public event EventHandler<CrashEvent>? Crashed;

    /// <summary>Raised for every engine output line, with the pool id.</summary>
    public event EventHandler<PoolEngineOutput>? EngineOutput;

    /// <summary>
    /// Starts the pool's engine under supervision (pool Starting, then Ready when healthy). A failure is
    /// a crash: recorded and handled by the restart policies; the task reports it.
    /// </summary>
    /// <param name="poolId">The pool.</param>
    /// <param name="cancellationToken">Ends the wait for the result; the start itself goes on under supervision.</param>
    /// <exception cref="PoolNotRegisteredException">When the pool is unknown.</exception>
    public Task<EngineStartResult> StartAsync(string poolId, CancellationToken cancellationToken = default)
    {
        var supervisor = For(poolId);
        supervisor.Pool.Transition(PoolState.Starting);
        return supervisor.Launch(supervisor.Pool.Spec, supervised: true).WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<EngineStartResult> StartEngineAsync(string poolId, EngineSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var supervisor = For(poolId);
        var result = await supervisor.Launch(spec, supervised: false).WaitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <inheritdoc />
    public async Task<IEngineSurge> StartBesideAsync(string poolId, EngineSpec spec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var surge = For(poolId).LaunchBeside(spec, out var started);
        try
        {
            surge.Start = await started.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await surge.AbortAsync().ConfigureAwait(false);
            throw;
        }

        return surge;
    }

    /// <inheritdoc />
    public Task<EngineExit?> StopEngineAsync(string poolId, bool force, CancellationToken cancellationToken = default) =>
        For(poolId).StopAsync(force, cancellationToken);

    /// <summary>The pool's current engine process, or null when none runs.</summary>
    public IEngineProcess? EngineOf(string poolId) => _pools.TryGetValue(poolId, out var supervisor) ? supervisor.CurrentProcess : null;

    /// <inheritdoc />
    public void TakeOver(string poolId, string reason) => For(poolId).TakeOver(CrashReason.StartupFailure, reason);

    /// <summary>
    /// Operator: closes every circuit of the pool and forgets its failures; a pool that stopped because its circuit
    /// was open (or a restart storm tripped it) restarts its engine at once. The restart-rate window is kept.
    /// Logged as <c>OperatorAction</c> with the pool and <paramref name="correlationId"/> (generated when null), which it returns.
    /// </summary>
    /// <exception cref="PoolNotRegisteredException">When the pool is unknown.</exception>
    public string ResetCircuit(string poolId, string? correlationId = null) => For(poolId).ResetCircuit(CorrelationIds.OrNew(correlationId));

    /// <summary>
    /// Operator: lets exactly one restart of a stopped pool through its open circuit, now, without resetting the circuit's
    /// failures or the restart-rate window (so a storm-stopped pool that crashes again stops again). False, and nothing
    /// done, when the pool is not stopped by its restart policies. Logged as <c>OperatorAction</c> with the pool and
    /// <paramref name="correlationId"/>.
    /// </summary>
    /// <exception cref="PoolNotRegisteredException">When the pool is unknown.</exception>
    public bool AllowOneRestart(string poolId, string? correlationId = null) => For(poolId).AllowOneRestart(CorrelationIds.OrNew(correlationId));

    /// <summary>
    /// Stops supervising gracefully: every running engine is asked to stop at once (SIGTERM) and killed when it has not
    /// ended within <see cref="SupervisorOptions.StopGracePeriod"/> on the supervisor's clock; then timers and monitors
    /// stop. No restart follows. Safe to call more than once, and together with <see cref="Dispose"/>.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        var pools = _pools.Values.ToArray();
        await Task.WhenAll(pools.Select(p => p.StopAsync(force: false, CancellationToken.None))).ConfigureAwait(false);
        Release(pools);
    }

    /// <summary>Stops supervising at once: running engines are killed (SIGKILL), timers and monitors stop. Safe to call more than once.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Release(_pools.Values.ToArray());
        }
    }

    private void Release(PoolSupervisor[] pools)
    {
        foreach (var supervisor in pools)
        {
            supervisor.Dispose();
        }

        _probe.Dispose();
        _metrics.Dispose();
    }

    private PoolSupervisor For(string poolId)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) == 1, this);
        var pool = _registry.Get(poolId);
        var supervisor = _pools.GetOrAdd(poolId, _ => new PoolSupervisor(pool, _context));
        if (Volatile.Read(ref _disposed) == 1)
        {
            // Disposal ran meanwhile and may not have seen this pool: it is released here, and nothing more starts.
            supervisor.Dispose();
            throw new ObjectDisposedException(nameof(Supervisor));
        }

        return supervisor;
    }
}
