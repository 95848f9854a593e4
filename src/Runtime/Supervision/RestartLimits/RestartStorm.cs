using Runtime.Supervision.Crashes;

namespace Runtime.Supervision.RestartLimits;

/// <summary>A restart storm: the pool hit the restart limit. The supervisor opens the pool's circuit on it.</summary>
/// <param name="PoolId">The pool.</param>
/// <param name="RestartCount">Restarts within the window when the storm was declared (the limit).</param>
/// <param name="Window">The window's length.</param>
/// <param name="DominantReason">The most frequent crash reason in the window (ties: the most recent), the refused crash included.</param>
/// <param name="Kind">The classification derived from <paramref name="DominantReason"/>.</param>
/// <param name="At">When the storm was declared.</param>
public readonly record struct RestartStorm(string PoolId, int RestartCount, TimeSpan Window, CrashReason DominantReason,
    RestartStormKind Kind, DateTimeOffset At)
{
    /// <summary>oom_storm, driver_error_storm or crash_storm.</summary>
    public string KindName => RestartStormKinds.GetName(Kind);

    /// <summary>What an operator should do, e.g. for an oom_storm "reduce the model's memory footprint ...".</summary>
    public string Remediation => RestartStormKinds.GetRemediation(Kind);
}
