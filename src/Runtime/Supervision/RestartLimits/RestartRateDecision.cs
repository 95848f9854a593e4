namespace Runtime.Supervision.RestartLimits;

/// <summary>The outcome of <see cref="RestartRateLimiter.TryRecordRestart"/>.</summary>
/// <param name="IsAllowed">Whether the restart may go ahead (and was recorded).</param>
/// <param name="RestartsInWindow">Restarts within the window after the decision.</param>
/// <param name="Warning">Set when this restart brought the count above the warning threshold.</param>
/// <param name="Storm">Set when this refusal declared a restart storm: the caller must open the pool's circuit.</param>
public readonly record struct RestartRateDecision(bool IsAllowed, int RestartsInWindow, RestartRateWarning? Warning, RestartStorm? Storm)
{
    /// <summary>Whether the caller must open the pool's circuit (a storm was declared).</summary>
    public bool OpensCircuit => Storm is not null;
}
