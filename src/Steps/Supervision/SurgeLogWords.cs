using System.Globalization;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>The log events of a reload in the operator's words, as the surge scenarios list them.</summary>
public static class SurgeLogWords
{
    /// <summary>What <paramref name="entry"/> says happened ("the reload started", "the old engine stopped, 2 leases abandoned").</summary>
    public static string Describe(PolicyLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.EventName switch
        {
            "ReloadStarted" => "the reload started",
            "ReloadSwitched" => "new leases go to the new engine",
            "ReloadOldEngineStopped" => Convert.ToInt32(entry["AbandonedLeases"], CultureInfo.InvariantCulture) is var n && n == 0
                ? "the old engine stopped, no lease abandoned"
                : $"the old engine stopped, {n} leases abandoned",
            "ReloadSucceeded" => "the reload succeeded",
            "ReloadFailed" => "the reload failed",
            "ReloadFellBack" => "the reload fell back to drain-first",
            _ => entry.EventName ?? entry.Message,
        };
    }
}
