using Runtime.Supervision.Crashes;

namespace Runtime.Supervision.RestartLimits;

/// <summary>A storm's dominant crash reason, and the warnings, refusals and storms raised outside the lock.</summary>
public sealed partial class RestartRateLimiter
{
    private CrashReason Dominant_NeedsLock(CrashReason refused)
    {
        Span<int> counts = stackalloc int[Enum.GetValues<CrashReason>().Length];
        var best = refused;
        counts[(int)refused]++;
        foreach (var (_, reason) in _window)
        {
            counts[(int)reason]++;
        }

        // Ties go to the most recent reason: the refused crash (where the walk starts), then the window backwards.
        foreach (var reason in _window.Reverse().Select(e => e.Reason))
        {
            if (counts[(int)reason] > counts[(int)best])
            {
                best = reason;
            }
        }

        return best;
    }

    private void Raise(in RestartRateDecision decision)
    {
        var window = _windowLength.TotalSeconds;
        if (decision.Warning is { } warning)
        {
            RestartLimitLog.Warning(_logger, PoolId, warning.RestartCount, window);
            Warning?.Invoke(this, warning);
        }

        if (!decision.IsAllowed)
        {
            RestartLimitLog.Refused(_logger, PoolId, decision.RestartsInWindow, window);
        }

        if (decision.Storm is { } storm)
        {
            RestartLimitLog.Storm(_logger, PoolId, storm.KindName, storm.RestartCount, window, CrashReasonNames.GetName(storm.DominantReason), storm.Remediation);
            _metrics.Storm(storm);
            Storm?.Invoke(this, storm);
        }
    }
}
