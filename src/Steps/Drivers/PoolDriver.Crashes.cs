using NSubstitute;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;

namespace Steps.Drivers;

/// <summary>The crashes the supervisor recorded, read under their lock, and the engine's own answer to a health check.</summary>
public sealed partial class PoolDriver
{
    /// <summary>The crashes of pool <paramref name="pool"/> recorded so far, in order.</summary>
    public IReadOnlyList<CrashEvent> CrashesOf(string pool)
    {
        lock (Crashes)
        {
            return Crashes.Where(c => c.PoolId == pool).ToList();
        }
    }

    /// <summary>Acts, then waits until the supervisor has recorded a crash of <paramref name="pool"/> (and decided on a restart), so time may move.</summary>
    public async Task UntilCrashRecordedAsync(string pool, Action act)
    {
        ArgumentNullException.ThrowIfNull(act);
        var before = CrashesOf(pool).Count;
        act();
        await WaitUntil(() => CrashesOf(pool).Count > before, $"the supervisor to record the end of the engine of pool {pool}");
    }

    /// <summary>True when the engine serving pool <paramref name="pool"/> answers a health check of its own, now.</summary>
    public async Task<bool> EngineAnswersHealthCheckAsync(string pool)
    {
        var engine = ServedEngine(pool);
        using var probe = new HealthProbe(Bound);
        return (await probe.ProbeAsync(await engine.Listening.WaitAsync(Bound))).Healthy;
    }

    /// <summary>
    /// The next engine exit of these pools was an out-of-memory kill: the kernel's OOM killer is out of reach, so its
    /// evidence (the cgroup's oom_kill counter) is what changes; the SIGKILL that goes with it is real.
    /// </summary>
    public void OomKillerStrikes() => Oom.ReadOomKillCount().Returns(1L);
}
