using Runtime.Supervision.Pools;

namespace Steps.Drivers;

/// <summary>Whether a pool whose reload could not even roll back was handed to the supervisor, whichever engines the scenario runs.</summary>
public sealed partial class PoolDriver
{
    /// <summary>
    /// Null when pool <paramref name="pool"/> was handed to the supervisor once after a failed rollback; otherwise what
    /// is missing. With simulated engines the hand-over itself is recorded; with the real supervisor it takes the failure
    /// as a startup failure of the pool: it schedules a restart after its backoff, and the pool is restarting.
    /// </summary>
    public string? HandoverMissing(string pool)
    {
        if (Simulated is { } simulated)
        {
            var handovers = simulated.TakenOver.Count(t => t.Pool == pool && t.Reason.StartsWith("reload rollback failed", StringComparison.Ordinal));
            return handovers == 1 ? null : $"pool {pool} was handed to the supervisor {handovers} times: {string.Join("; ", simulated.TakenOver)}";
        }

        if (!Logger.WithEvent("RestartScheduled").Any(e => (string?)e["PoolId"] == pool && (string?)e["CrashReason"] == "startup_failure"))
        {
            return $"the supervisor scheduled no restart of pool {pool} after a startup failure";
        }

        var s = Pool(pool).Snapshot();
        return s.State == PoolState.Restarting && s.LastError?.StartsWith("startup_failure: reload rollback failed", StringComparison.Ordinal) == true
            ? null
            : $"pool {pool} is {s.State} ({s.LastError}), not restarting under the supervisor";
    }
}
