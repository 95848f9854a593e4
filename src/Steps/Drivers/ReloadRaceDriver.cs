using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;

namespace Steps.Drivers;

/// <summary>
/// Two operators reload one fresh pool per round, to different engine versions, starting together behind a barrier,
/// each on a thread of its own that serves every round (<see cref="RaceThreads"/>); a fresh pool per round
/// (<see cref="FreshPool"/>). Each round records what both reloads returned or threw, and the pool at the end.
/// </summary>
public sealed class ReloadRaceDriver(RacePools pools)
{
    /// <summary>The engine versions the two operators reload to, the first operator's first.</summary>
    public static readonly string[] Versions = ["2.0", "3.0"];

    /// <summary>Every round run, in order.</summary>
    public List<ReloadRaceRound> Rounds { get; } = [];

    /// <summary>Runs one round on each of the fresh pools.</summary>
    public async Task RunAsync()
    {
        using var threads = new RaceThreads(2);
        for (var i = 0; i < pools.Count; i++)
        {
            Rounds.Add(await RoundAsync(threads));
        }
    }

    private static async Task<ReloadRaceRound> RoundAsync(RaceThreads threads)
    {
        using var fresh = await FreshPool.StartAsync();

        // The outer task completes once the reload has started, the inner one when it ends.
        var reloads = Versions.Select((version, party) =>
            threads.Run(party, () => fresh.Reloads.ReloadAsync("gpu-0", FreshPool.Old with { EngineVersion = version }, FreshPool.Deadline))).ToList();
        var round = new ReloadRaceRound();
        foreach (var reload in reloads)
        {
            try
            {
                round.Results.Add(await (await reload.WaitAsync(PoolDriver.Bound)).WaitAsync(PoolDriver.Bound));
            }
            catch (Exception e)
            {
                round.Escaped.Add(e);
            }
        }

        round.End = fresh.Pool.Snapshot();
        return round;
    }
}

/// <summary>One round of <see cref="ReloadRaceDriver"/>: the results of the reloads, in the order of <see cref="ReloadRaceDriver.Versions"/>.</summary>
public sealed class ReloadRaceRound
{
    /// <summary>The results of the reloads that returned.</summary>
    public List<ReloadResult> Results { get; } = [];

    /// <summary>Exceptions that escaped a reload; timeouts included.</summary>
    public List<Exception> Escaped { get; } = [];

    /// <summary>The pool at the end of the round.</summary>
    public PoolSnapshot End { get; set; } = null!;

    /// <summary>True when one reload was refused because the other held the pool.</summary>
    public bool Met => Results.Count(r => r.Status == ReloadStatus.Refused) == 1;

    /// <summary>
    /// True when the reloads never ran at once: one served its version and the other was refused while it held the pool
    /// (the pool is reloading, or draining for it), or both served theirs one after the other; the pool then serves the
    /// version of the reload that ran, or of the one that ran last, on a live engine; nothing escaped.
    /// </summary>
    public bool OneAtATime
    {
        get
        {
            if (Escaped.Count != 0 || Results.Count != 2 || End.State != PoolState.Ready || !End.Live)
            {
                return false;
            }

            var reloaded = Results.Select((r, i) => (r.Status, Version: ReloadRaceDriver.Versions[i])).Where(r => r.Status == ReloadStatus.Reloaded).Select(r => r.Version).ToList();
            var refused = Results.Where(r => r.Status == ReloadStatus.Refused).ToList();
            return (reloaded, refused) switch
            {
                ([var served], [{ Error: { } why }]) => End.Spec.EngineVersion == served && (why == "pool gpu-0 is reloading" || why == "pool gpu-0 is draining"),
                ([_, _], []) => ReloadRaceDriver.Versions.Contains(End.Spec.EngineVersion),
                _ => false,
            };
        }
    }

    /// <summary>The round in words, for a failure message.</summary>
    public string Describe() =>
        string.Join("; ", Results.Select(r => $"{r.Status} {r.Error}".TrimEnd()).Concat(Escaped.Select(e => $"{e.GetType().Name}: {e.Message}")))
        + $"; pool {End.State} on {End.Spec.EngineVersion} (live: {End.Live})";
}
