using Runtime.Common;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;

namespace Steps.Drivers;

/// <summary>The operator's reloads of the scenario's pools, and whether a failed one was handed to the supervisor.</summary>
public sealed class ReloadDriver(PoolDriver pools) : IDisposable
{
    /// <summary>The model provisioner of reloads (staging succeeds unless told otherwise).</summary>
    public ProvisionerDouble Models => pools.Models;

    private readonly CancellationTokenSource _giveUp = new();
    private readonly OperatorConsole _console = new();

    /// <summary>How many times the reloads of this scenario asked for the thread of the console that started them.</summary>
    public int ConsoleAsked => _console.TimesAsked;

    /// <summary>The last reload started.</summary>
    public Task<ReloadResult>? Reload { get; private set; }

    /// <summary>The process id of the engine that served the pool when the last reload started (null for an unknown pool).</summary>
    public int? PidBefore { get; private set; }

    /// <summary>Starts a reload of pool <paramref name="id"/> to <paramref name="target"/>; returns once it runs the new engine, stages a held model, or has ended.</summary>
    public async Task StartReloadAsync(string id, EngineSpec target, TimeSpan drainDeadline, ReloadStrategy strategy = ReloadStrategy.DrainFirst)
    {
        PidBefore = pools.Registry.TryGet(id, out var pool) ? pool.Snapshot().Pid : null;
        var reload = _console.Start(() => pools.Reloads.ReloadAsync(id, target, drainDeadline, _giveUp.Token, strategy: strategy));
        await Started(id, target.Model, reload, strategy);
    }

    /// <summary>Starts a reload of pool <paramref name="id"/>, which the scenario never registered, to <paramref name="model"/>.</summary>
    public Task StartReloadOfUnknownAsync(string id, string model)
    {
        PidBefore = null;
        return Started(id, model, _console.Start(() => pools.Reloads.ReloadModelAsync(id, model, TimeSpan.FromSeconds(30), _giveUp.Token)), ReloadStrategy.DrainFirst);
    }

    /// <summary>
    /// Attempts a <paramref name="strategy"/> reload of pool <paramref name="id"/> to a model with no name and waits for
    /// its end; returns why the call refused it before anything started, or null when the reload ran.
    /// </summary>
    public async Task<string?> AttemptUnnamedModelAsync(string id, ReloadStrategy strategy)
    {
        try
        {
            await StartReloadAsync(id, pools.Pool(id).Spec with { Model = " " }, TimeSpan.FromSeconds(30), strategy);
            await ReloadResultAsync();
            return null;
        }
        catch (ArgumentException refused)
        {
            return refused.Message;
        }
    }

    /// <summary>The operator gives the last reload up (cancels it).</summary>
    public void GiveUp() => _giveUp.Cancel();

    /// <summary>
    /// The result of the last reload (bounded wait). Every reload starts on the operator's console: one that asked for
    /// the console's thread fails here, whatever the scenario checks next.
    /// </summary>
    public async Task<ReloadResult> ReloadResultAsync()
    {
        var reload = Reload ?? throw new InvalidOperationException("no reload was started in this scenario");
        ReloadResult result;
        try
        {
            result = await PoolDriver.Within(reload, "the reload");
        }
        catch (OperationCanceledException)
        {
            _console.ThrowIfAsked("the reload");
            throw;
        }

        _console.ThrowIfAsked("the reload");
        return result;
    }

    /// <summary>Waits until the last reload has ended, whether it returned a result or was given up.</summary>
    public Task EndedAsync() => NotGivenUpAsync();

    /// <summary>How the last reload ended when it was given up: null when it was cancelled, else what it did instead.</summary>
    public async Task<string?> NotGivenUpAsync()
    {
        try
        {
            var result = await ReloadResultAsync();
            return $"it ended {result.Status}: {result.Error}";
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>
    /// The operator's drain of pool <paramref name="pool"/> within <paramref name="deadline"/> begins the moment a reload
    /// of it logs its start, before the reload's own drain: the two race, deterministically.
    /// </summary>
    public void DrainWhenReloadStarts(string pool, TimeSpan deadline)
    {
        var begun = 0;
        pools.Logger.Logged += () =>
        {
            if (pools.Logger.WithEvent("ReloadStarted").Any(e => Equals(e["PoolId"], pool)) && Interlocked.Exchange(ref begun, 1) == 0)
            {
                _ = pools.Drains.DrainAsync(pool, deadline);
            }
        };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _giveUp.Dispose();
    }

    private async Task Started(string id, string model, Task<ReloadResult> reload, ReloadStrategy strategy)
    {
        Reload = reload;
        _ = reload.ContinueWith(_ => pools.Pulse(), TaskScheduler.Default);
        if (pools.Models.HoldsStaging)
        {
            await PoolDriver.Within(Task.WhenAny(reload, pools.Models.StagingBegan), $"the reload of pool {id} to stage {model}");
        }
        else if (pools.RealProcesses && pools.Registry.TryGet(id, out var pool) && (strategy == ReloadStrategy.Surge || pool.ActiveLeases == 0))
        {
            // Time may move right after this step: the new engine (and its startup timeout) must exist first.
            await pools.WaitUntil(() => reload.IsCompleted || pools.Saw(id, $"serving {model}"), $"the reload of pool {id} to start {model}");
        }
    }

    /// <summary>
    /// Null when pool <paramref name="pool"/> was handed to the supervisor once after a failed rollback; otherwise what
    /// is missing. With simulated engines the hand-over itself is recorded; with the real supervisor it takes the failure
    /// as a startup failure of the pool: it schedules a restart after its backoff, and the pool is restarting.
    /// </summary>
    public string? HandoverMissing(string pool)
    {
        if (pools.Simulated is { } simulated)
        {
            var handovers = simulated.TakenOver.Count(t => t.Pool == pool && t.Reason.StartsWith("reload rollback failed", StringComparison.Ordinal));
            return handovers == 1 ? null : $"pool {pool} was handed to the supervisor {handovers} times: {string.Join("; ", simulated.TakenOver)}";
        }

        if (!pools.Logger.WithEvent("RestartScheduled").Any(e => (string?)e["PoolId"] == pool && (string?)e["CrashReason"] == "startup_failure"))
        {
            return $"the supervisor scheduled no restart of pool {pool} after a startup failure";
        }

        var s = pools.Pool(pool).Snapshot();
        return s.State == PoolState.Restarting && s.LastError?.StartsWith("startup_failure: reload rollback failed", StringComparison.Ordinal) == true
            ? null
            : $"pool {pool} is {s.State} ({s.LastError}), not restarting under the supervisor";
    }
}
