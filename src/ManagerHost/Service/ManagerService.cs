using ManagerHost.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Common;

namespace ManagerHost.Service;

/// <summary>
/// The manager's life: at start it restores the state file, registers the configured pools and starts their engines;
/// on SIGTERM (the host's stopping phase, while the API still answers) it drains every pool within the shutdown grace
/// period, then stops the engines; whatever still runs at the deadline is killed. <see cref="Running"/> is the
/// liveness of <c>/healthz</c>.
/// </summary>
internal sealed class ManagerService(ManagerRuntime runtime, ILogger<ManagerService> logger) : IHostedLifecycleService
{
    private volatile bool _running;

    /// <summary>True from the end of the start until a stop begins.</summary>
    public bool Running => _running;

    /// <summary>True once a stop has begun: the manager takes no new work.</summary>
    public bool Stopping { get; private set; }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var registry = runtime.Registry;
        if (runtime.StateFile is { } file)
        {
            foreach (var pool in registry.LoadState())
            {
                ManagerLog.Restored(logger, pool.Id, file, pool.Snapshot().CrashCount, pool.Snapshot().RestartCount);
            }
        }

        foreach (var (id, configured) in runtime.Options.Pools)
        {
            var spec = PoolSpecs.From(configured);
            if (registry.TryGet(id, out var restored))
            {
                if (!restored.Spec.SameVersionAs(spec) || !SameCommand(restored.Spec, spec))
                {
                    ManagerLog.RestoredSpecKept(logger, id, restored.Spec.VersionLabel);
                }
            }
            else
            {
                registry.Register(id, spec, configured.Metadata, configured.DeviceMemoryMiB);
            }
        }

        foreach (var pool in registry.Pools)
        {
            if (!runtime.Options.Pools.ContainsKey(pool.Id))
            {
                ManagerLog.NotConfigured(logger, pool.Id);
                continue;
            }

            _ = StartPoolAsync(pool.Id);
        }

        _running = true;
        return Task.CompletedTask;
    }

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>SIGTERM: drain every pool and stop its engine within the grace period, while the API still answers.</summary>
    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _running = false;
        Stopping = true;
        var grace = runtime.Options.ShutdownGracePeriod;
        var correlationId = CorrelationIds.New();
        ManagerLog.StopBegins(logger, grace.TotalSeconds, correlationId);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(grace);
        await Task.WhenAll(runtime.Registry.Pools.Select(pool => StopPoolAsync(pool, grace, correlationId, deadline.Token)));
        ManagerLog.StopEnds(logger, runtime.RunningEngines.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task StartPoolAsync(string id)
    {
        try
        {
            var result = await runtime.Supervisor.StartAsync(id);
            if (!result.Ready)
            {
                ManagerLog.StartFailed(logger, id, result.Error ?? "unknown");
            }
        }
        catch (InvalidOperationException e)
        {
            ManagerLog.StartFailed(logger, id, e.Message);
        }
    }

    /// <summary>A ready (or draining) pool drains within the grace period; then any engine left is stopped, killed at the deadline.</summary>
    private async Task StopPoolAsync(Pool pool, TimeSpan grace, string correlationId, CancellationToken deadline)
    {
        try
        {
            if (pool.State is PoolState.Ready or PoolState.Draining)
            {
                var outcome = await runtime.Drains.DrainAsync(pool.Id, grace, DrainMode.StopEngine, correlationId);
                ManagerLog.Drained(logger, pool.Id, outcome.Describe(), correlationId);
            }
        }
        catch (InvalidOperationException e)
        {
            // The pool changed state meanwhile (a crash, a reload): its engine is stopped below.
            ManagerLog.DrainSkipped(logger, pool.Id, e.Message);
        }

        await runtime.Supervisor.StopEngineAsync(pool.Id, force: false, deadline);
    }

    private static bool SameCommand(EngineSpec a, EngineSpec b) => a.Command == b.Command && a.Arguments.SequenceEqual(b.Arguments);
}
