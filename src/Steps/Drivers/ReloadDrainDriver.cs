using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;

namespace Steps.Drivers;

/// <summary>
/// A reload's drain as the drains see it: a reload held at staging once its drain has ended, and a reload whose drain
/// finds the operator's drain begun first. The reload runs on the scenario's reload coordinator.
/// </summary>
public sealed class ReloadDrainDriver(PoolDriver pools, DrainDriver drains)
{
    private static readonly TimeSpan ReloadDrainDeadline = TimeSpan.FromSeconds(30);

    /// <summary>The reload started.</summary>
    public Task<ReloadResult>? Reload { get; private set; }

    /// <summary>
    /// Starts a reload of pool <paramref name="pool"/> to <paramref name="model"/> whose staging never ends, and returns
    /// once it stages the model (its drain has ended). Fails when the reload ends instead.
    /// </summary>
    public async Task ReloadHeldAtStagingAsync(string pool, string model)
    {
        pools.Models.HoldStaging(model);
        var reload = Start(pool, model);
        await PoolDriver.Within(Task.WhenAny(reload, pools.Models.StagingBegan), $"the reload of pool {pool} to stage {model}");
        if (reload.IsCompleted)
        {
            throw new InvalidOperationException($"the reload of pool {pool} ended before it staged {model}: {(await reload).Error}");
        }
    }

    /// <summary>
    /// Starts a reload of pool <paramref name="pool"/> to <paramref name="model"/>; as it starts, once it has found the
    /// pool ready and before it drains it, the operator drains the pool within <paramref name="deadline"/>.
    /// </summary>
    public void ReloadOvertakenByDrain(string pool, string model, TimeSpan deadline)
    {
        var drained = 0;
        void DrainAsTheReloadStarts()
        {
            if (pools.Logger.WithEvent("ReloadStarted").Any(e => Equals(e["PoolId"], pool)) && Interlocked.Exchange(ref drained, 1) == 0)
            {
                drains.Drain(pool, deadline);
            }
        }

        pools.Logger.Logged += DrainAsTheReloadStarts;
        try
        {
            Start(pool, model);
        }
        finally
        {
            pools.Logger.Logged -= DrainAsTheReloadStarts;
        }

        if (drained == 0)
        {
            throw new InvalidOperationException($"the reload of pool {pool} did not log its start: the operator's drain could not begin then");
        }
    }

    /// <summary>The result of the reload (bounded wait).</summary>
    public Task<ReloadResult> ResultAsync() =>
        Reload is null ? throw new InvalidOperationException("no reload was started in this scenario") : PoolDriver.Within(Reload, "the reload");

    private Task<ReloadResult> Start(string pool, string model)
    {
        var reload = pools.Reloads.ReloadAsync(pool, pools.SpecFor(model, pools.Pool(pool).Spec.EngineVersion), ReloadDrainDeadline);
        Reload = reload;
        _ = reload.ContinueWith(_ => pools.Pulse(), TaskScheduler.Default);
        return reload;
    }
}
