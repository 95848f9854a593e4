using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Common;

namespace Steps.Drivers;

/// <summary>
/// Engines without processes, for scenarios not tagged @process: starting one makes the pool ready at
/// once (unless told to fail), stopping one records how. Used where the behaviour is about pools,
/// leases and steps, not about processes.
/// </summary>
public sealed class SimulatedEngines(PoolRegistry registry) : PoolEngineLayer
{
    private readonly HashSet<string> _failToStart = new(StringComparer.Ordinal);
    private readonly HashSet<string> _neverHealthy = new(StringComparer.Ordinal);
    private int _nextPid = 4100;

    /// <summary>Every stop: pool and whether it was forced.</summary>
    public List<(string Pool, bool Force)> Stops { get; } = [];

    /// <summary>Pools handed to the supervisor after a failed rollback, with the reason.</summary>
    public List<(string Pool, string Reason)> TakenOver { get; } = [];

    /// <summary>Engines for <paramref name="model"/> cannot be started at all.</summary>
    public void FailToStart(string model) => _failToStart.Add(model);

    /// <summary>Engines for <paramref name="model"/> start but never become healthy.</summary>
    public void NeverHealthy(string model) => _neverHealthy.Add(model);

    /// <summary>Starts pool <paramref name="poolId"/>'s engine, as <see cref="Supervisor.StartAsync"/> does: the pool turns Starting, then Ready.</summary>
    public Task<EngineStartResult> StartAsync(string poolId)
    {
        var pool = registry.Get(poolId);
        Starting(pool);
        return StartEngineAsync(poolId, pool.Spec);
    }

    /// <inheritdoc />
    public override Task<EngineStartResult> StartEngineAsync(string poolId, EngineSpec spec, CancellationToken cancellationToken = default)
    {
        var pid = Interlocked.Increment(ref _nextPid);
        if (_failToStart.Contains(spec.Model))
        {
            return Task.FromResult(EngineStartResult.Failed(null, CrashReason.StartupFailure, $"startup_failure: could not start engine for {spec.Model}"));
        }

        if (_neverHealthy.Contains(spec.Model))
        {
            return Task.FromResult(EngineStartResult.Failed(pid, CrashReason.StartupFailure, "startup_failure: not ready within 60 s"));
        }

        var endpoint = new Uri($"http://127.0.0.1:{20000 + pid}/");
        Serving(registry.Get(poolId), spec, pid, endpoint);
        return Task.FromResult(EngineStartResult.Success(pid, endpoint));
    }

    /// <inheritdoc />
    public override Task<EngineExit?> StopEngineAsync(string poolId, bool force, CancellationToken cancellationToken = default)
    {
        lock (Stops)
        {
            Stops.Add((poolId, force));
        }

        Ended(registry.Get(poolId));
        return Task.FromResult<EngineExit?>(force ? EngineExit.Killed(Signals.SIGKILL) : EngineExit.Exited(0));
    }

    /// <inheritdoc />
    public override void TakeOver(string poolId, string reason)
    {
        lock (TakenOver)
        {
            TakenOver.Add((poolId, reason));
        }
    }
}
