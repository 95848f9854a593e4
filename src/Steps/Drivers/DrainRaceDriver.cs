using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;

namespace Steps.Drivers;

/// <summary>
/// Races an operator's drain, a reload and lease traffic on one fresh pool per round (simulated engines,
/// a clock of its own per round): the three start together behind a barrier, each on a thread of its own that serves
/// every round (<see cref="RaceThreads"/>); once the clients are done
/// the clock passes every deadline (every third round a client still holds a lease then, released after). Each round records what the drain and the reload returned or threw
/// (nothing is excused, a drain's refusal included), and the pool's state at the end.
/// </summary>
public sealed class DrainRaceDriver(RacePools pools)
{
    private static readonly EngineSpec New = FreshPool.Old with { EngineVersion = "2.0" };
    private static readonly TimeSpan Deadline = FreshPool.Deadline;

    /// <summary>Every round run, in order.</summary>
    public List<DrainRaceRound> Rounds { get; } = [];

    /// <summary>Runs one round on each of the fresh pools.</summary>
    public async Task RunAsync()
    {
        using var threads = new RaceThreads(3);
        for (var i = 0; i < pools.Count; i++)
        {
            // Every third round a client keeps one lease past the deadlines: drains then end at their deadline.
            Rounds.Add(await RoundAsync(threads, holdPastDeadline: i % 3 == 0));
        }
    }

    private static async Task<DrainRaceRound> RoundAsync(RaceThreads threads, bool holdPastDeadline)
    {
        using var fresh = await FreshPool.StartAsync();
        var (time, registry, drains, reloads, pool) = (fresh.Time, fresh.Registry, fresh.Drains, fresh.Reloads, fresh.Pool);

        // The outer task completes once the operation has started, the inner one when it ends.
        var drain = threads.Run(0, () => drains.DrainAsync("gpu-0", Deadline));
        var reload = threads.Run(1, () => reloads.ReloadAsync("gpu-0", New, Deadline));
        var clients = threads.Run(2, () =>
        {
            var held = new List<Lease>();
            for (var i = 0; i < 64; i++)
            {
                if (registry.TryAcquire("gpu-0", out var lease) == LeaseRefusal.None)
                {
                    held.Add(lease);
                }

                if (held.Count > 2 || i % 7 == 0)
                {
                    held.ForEach(l => l.Release());
                    held.Clear();
                }
            }

            held.ForEach(l => l.Release());
            held.Clear();
            if (holdPastDeadline && registry.TryAcquire("gpu-0", out var kept) == LeaseRefusal.None)
            {
                held.Add(kept);
            }

            return held;
        });

        var kept = await clients.WaitAsync(PoolDriver.Bound);
        var round = new DrainRaceRound();
        var drainTask = await Started(drain, round);
        var reloadTask = await Started(reload, round);
        time.Advance(Deadline + TimeSpan.FromSeconds(1));
        kept.ForEach(l => l.Release());
        if (drainTask is not null)
        {
            round.Drain = await Finished(drainTask, round);
        }

        if (reloadTask is not null)
        {
            round.Reload = await Finished(reloadTask, round);
        }

        round.End = pool.Snapshot();
        return round;
    }

    /// <summary>The operation's task once it has started, or null when starting it threw (a refusal, or an escape).</summary>
    private static async Task<T?> Started<T>(Task<T> starting, DrainRaceRound round)
        where T : class
    {
        try
        {
            return await starting.WaitAsync(PoolDriver.Bound);
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            round.Escaped.Add(e);
            return null;
        }
    }

    private static async Task<T?> Finished<T>(Task<T> running, DrainRaceRound round)
        where T : class
    {
        try
        {
            return await running.WaitAsync(PoolDriver.Bound);
        }
        catch (Exception e)
        {
            round.Escaped.Add(e);
            return null;
        }
    }
}

/// <summary>One round of <see cref="DrainRaceDriver"/>.</summary>
public sealed class DrainRaceRound
{
    /// <summary>The drain's outcome, when it ran to its end.</summary>
    public DrainOutcome? Drain { get; set; }

    /// <summary>The reload's result.</summary>
    public ReloadResult? Reload { get; set; }

    /// <summary>Exceptions that escaped the drain or the reload, a drain's refusal included; timeouts included.</summary>
    public List<Exception> Escaped { get; } = [];

    /// <summary>The pool at the end of the round.</summary>
    public PoolSnapshot End { get; set; } = null!;

    /// <summary>
    /// True when the operator's drain ran to its end (completed or force-stopped) and stopped the pool, or was refused,
    /// and only as the reload already held the pool ("cannot be drained while Reloading"), with nothing else thrown.
    /// </summary>
    public bool DrainEndedAsAllowed => Drain switch
    {
        { Status: DrainStatus.Completed or DrainStatus.ForceStopped } => End.State == PoolState.Stopped && Escaped.Count == 0,
        null => Escaped is [InvalidOperationException { Message: var refusal }] && refusal.EndsWith(" cannot be drained while Reloading", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// True when the reload ran and ended as a race with an operator's drain allows: reloaded, refused because the
    /// pool was draining or stopped (not ready), or failed at its drain (the operator's drain stopped the engine) with nothing rolled back.
    /// </summary>
    public bool ReloadEndedAsAllowed => Reload switch
    {
        { Status: ReloadStatus.Reloaded } => true,
        { Status: ReloadStatus.Refused, Error: { } error } => error.EndsWith(" is draining", StringComparison.Ordinal) || error.EndsWith(" is not ready", StringComparison.Ordinal),
        { Status: ReloadStatus.Failed, FailedStep: ReloadStep.Drain, RolledBack: false } => true,
        _ => false,
    };

    /// <summary>True when the pool settled: ready on a live engine, or stopped without one.</summary>
    public bool Settled => End.State switch
    {
        PoolState.Ready => End.Live && End.Pid is not null,
        PoolState.Stopped => !End.Live && End.Pid is null,
        _ => false,
    };
}
