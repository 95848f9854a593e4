using Runtime.Common;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;

namespace Steps.Drivers;

/// <summary>The operator's reloads of the scenario's pools, and whether a failed one was handed to the supervisor.</summary>
public sealed class ReloadDriver(PoolDriver pools)
{
    /// <summary>The model provisioner of reloads (staging succeeds unless told otherwise).</summary>
    public ProvisionerDouble Models => pools.Models;

    /// <summary>The last reload started.</summary>
    public Task<ReloadResult>? Reload { get; private set; }

    /// <summary>Starts a reload of pool <paramref name="id"/> to <paramref name="target"/>; returns once it runs the new engine or has ended.</summary>
    public async Task StartReloadAsync(string id, EngineSpec target, TimeSpan drainDeadline, ReloadStrategy strategy = ReloadStrategy.DrainFirst)
    {
        var reload = pools.Reloads.ReloadAsync(id, target, drainDeadline, strategy: strategy);
        Reload = reload;
        _ = reload.ContinueWith(_ => pools.Pulse(), TaskScheduler.Default);
        if (pools.RealProcesses && (strategy == ReloadStrategy.Surge || pools.Pool(id).ActiveLeases == 0))
        {
            // Time may move right after this step: the new engine (and its startup timeout) must exist first.
            await pools.WaitUntil(() => reload.IsCompleted || pools.Saw(id, $"serving {target.Model}"), $"the reload of pool {id} to start {target.Model}");
        }
    }

    /// <summary>The result of the last reload (bounded wait).</summary>
    public Task<ReloadResult> ReloadResultAsync() =>
        Reload is null ? throw new InvalidOperationException("no reload was started in this scenario") : PoolDriver.Within(Reload, "the reload");

    /// <summary>Makes the handoff file impossible to write (its directory is a file).</summary>
    public void BreakHandoff()
    {
        Directory.Delete(pools.HandoffDirectory, recursive: true);
        File.WriteAllText(pools.HandoffDirectory, "not a directory");
    }

    /// <summary>
    /// Null when pool <paramref name="pool"/> was handed to the supervisor once after a failed rollback; otherwise what
    /// is missing. With simulated engines the hand-over itself is recorded; with the real supervisor it takes the failure
    /// as a startup failure of the pool: it schedules a restart after its backoff, and the pool is restarting.
    /// </summary>
    public string? HandoverMissing(string pool)
    {
        if (pools.Simulated is { } simulated)
        {
            var handovers = simulated.TakenOver.Count(t => t.Pool == pool && t.Reason.StartsWith("reload rollback failed", StringComparison.Ordinal));
            return handovers == 1 ? null : $"pool {pool} was handed to the supervisor {handovers} times: {string.Join("; ", simulated.TakenOver)}";
        }

        if (!pools.Logger.WithEvent("RestartScheduled").Any(e => (string?)e["PoolId"] == pool && (string?)e["CrashReason"] == "startup_failure"))
        {
            return $"the supervisor scheduled no restart of pool {pool} after a startup failure";
        }

        var s = pools.Pool(pool).Snapshot();
        return s.State == PoolState.Restarting && s.LastError?.StartsWith("startup_failure: reload rollback failed", StringComparison.Ordinal) == true
            ? null
            : $"pool {pool} is {s.State} ({s.LastError}), not restarting under the supervisor";
    }
}
