using NSubstitute;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;

namespace Steps.Drivers;

/// <summary>
/// The engines of the scenario's pools: how they misbehave (never healthy, slow, deaf to SIGTERM, unloadable), how the
/// served one ended, the crashes the supervisor recorded, and what else still runs.
/// </summary>
public sealed class EngineDriver(PoolDriver pools, EngineProcessDriver processes)
{
    /// <summary>Makes engines for <paramref name="model"/> never healthy.</summary>
    public void NeverHealthy(string model)
    {
        if (pools.RealProcesses)
        {
            processes.Configure(model, "--never-healthy");
        }
        else
        {
            pools.Simulated!.NeverHealthy(model);
        }
    }

    /// <summary>Engines started for <paramref name="model"/> take <paramref name="milliseconds"/> to answer GET /generate.</summary>
    public void TakesToAnswer(string model, int milliseconds) =>
        processes.Configure(model, "--generate-ms", milliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Engines started for <paramref name="model"/> log and ignore SIGTERM: only SIGKILL ends them.</summary>
    public void IgnoresSigterm(string model) => processes.Configure(model, "--ignore-sigterm");

    /// <summary>Engines started for <paramref name="model"/> start a helper that holds their output open after they die.</summary>
    public void HelperHoldsOutput(string model) => processes.Configure(model, "--helper-holds-output");

    /// <summary>How the engine that served pool <paramref name="id"/> ended; null while it still runs after the safety bound.</summary>
    public Task<EngineExit?> ExitOfServedEngineAsync(string id) => ExitWithinBoundAsync(pools.ServedEngine(id));

    /// <summary>How the last engine process started for <paramref name="model"/> ended; null while it still runs after the safety bound.</summary>
    public Task<EngineExit?> ExitOfEngineStartedForAsync(string model) =>
        ExitWithinBoundAsync(processes.Started.LastOrDefault(s => s.Model == model).Process
            ?? throw new InvalidOperationException($"no engine process was started for {model}"));

    private static async Task<EngineExit?> ExitWithinBoundAsync(IEngineProcess engine)
    {
        try
        {
            return await engine.Exited.WaitAsync(PoolDriver.Bound);
        }
        catch (TimeoutException)
        {
            // Still running: the Then step says so in the domain's words.
            return null;
        }
    }

    /// <summary>
    /// Engines for <paramref name="model"/> cannot start: real ones find no model file to load and exit with
    /// code 1 before they listen; simulated ones fail without a process.
    /// </summary>
    public void CannotStart(string model)
    {
        if (pools.RealProcesses)
        {
            processes.MakeUnloadable(model);
        }
        else
        {
            pools.Simulated!.FailToStart(model);
        }
    }

    /// <summary>
    /// The engine processes started in the scenario, other than <paramref name="servingPid"/>, that still run
    /// once each has had the safety bound to end (an engine being killed takes a moment to be reaped).
    /// </summary>
    public async Task<IReadOnlyList<string>> OtherEnginesRunningAsync(int? servingPid)
    {
        var others = processes.Started.Where(s => s.Process.Pid != servingPid).ToList();
        try
        {
            await Task.WhenAll(others.Select(s => s.Process.Exited)).WaitAsync(PoolDriver.Bound);
        }
        catch (TimeoutException)
        {
        }

        return others.Where(s => !s.Process.HasExited).Select(s => $"{s.Model} (pid {s.Process.Pid})").ToList();
    }

    /// <summary>The crashes of pool <paramref name="pool"/> recorded so far, in order.</summary>
    public IReadOnlyList<CrashEvent> CrashesOf(string pool)
    {
        lock (pools.Crashes)
        {
            return pools.Crashes.Where(c => c.PoolId == pool).ToList();
        }
    }

    /// <summary>Acts, then waits until the supervisor has recorded a crash of <paramref name="pool"/> (and decided on a restart), so time may move.</summary>
    public async Task UntilCrashRecordedAsync(string pool, Action act)
    {
        ArgumentNullException.ThrowIfNull(act);
        var before = CrashesOf(pool).Count;
        act();
        await pools.WaitUntil(() => CrashesOf(pool).Count > before, $"the supervisor to record the end of the engine of pool {pool}");
    }

    /// <summary>True when the engine pool <paramref name="pool"/> serves on now (its endpoint in the pool's state) answers a health check.</summary>
    public async Task<bool> PoolAnswersHealthCheckAsync(string pool)
    {
        var endpoint = pools.Pool(pool).Snapshot().Endpoint ?? throw new InvalidOperationException($"pool {pool} has no engine endpoint");
        using var probe = new HealthProbe(PoolDriver.Bound);
        return (await probe.ProbeAsync(endpoint)).Healthy;
    }

    /// <summary>True when the engine serving pool <paramref name="pool"/> answers a health check of its own, now.</summary>
    public async Task<bool> EngineAnswersHealthCheckAsync(string pool)
    {
        var engine = pools.ServedEngine(pool);
        using var probe = new HealthProbe(PoolDriver.Bound);
        return (await probe.ProbeAsync(await engine.Listening.WaitAsync(PoolDriver.Bound))).Healthy;
    }

    /// <summary>
    /// The next engine exit of these pools was an out-of-memory kill: the kernel's OOM killer is out of reach, so its
    /// evidence (the cgroup's oom_kill counter) is what changes; the SIGKILL that goes with it is real.
    /// </summary>
    public void OomKillerStrikes() => pools.Oom.ReadOomKillCount().Returns(1L);
}
