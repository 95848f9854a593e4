using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Common;

namespace Runtime.Supervision.Reload;

/// <summary>
/// The surge: stage, start the new engine beside the old one, switch new leases to it once healthy, write the handoff,
/// let the old engine's leases finish under the deadline, stop the old engine. Before the old engine stops, any failure
/// leaves (or puts) the pool on the old engine: the new one is killed and the old model restored.
/// </summary>
public sealed partial class ReloadCoordinator
{
    private async Task<ReloadResult> RunWithAsync(ReloadStrategy strategy, Pool pool, PoolSnapshot snapshot, EngineSpec target, TimeSpan deadline, string correlationId, CancellationToken cancellationToken)
    {
        if (strategy == ReloadStrategy.DrainFirst)
        {
            return await RunAsync(pool, snapshot.Spec, target, deadline, correlationId, cancellationToken).ConfigureAwait(false);
        }

        var why = SurgeCapacity.WhyNoRoom(snapshot, snapshot.Spec, target)
            ?? (_engines is ISurgeEngines ? null : "the engines cannot run two at once");
        if (_engines is ISurgeEngines engines && why is null)
        {
            return await RunSurgeAsync(pool, engines, snapshot.Spec, target, deadline, correlationId, cancellationToken).ConfigureAwait(false) with { Strategy = ReloadStrategy.Surge };
        }

        ReloadLog.FellBack(_logger, pool.Id, why!, correlationId);
        return await RunAsync(pool, snapshot.Spec, target, deadline, correlationId, cancellationToken).ConfigureAwait(false) with { FallbackReason = why };
    }

    private async Task<ReloadResult> RunSurgeAsync(Pool pool, ISurgeEngines engines, EngineSpec old, EngineSpec target, TimeSpan deadline, string correlationId, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        ReloadLog.Started(_logger, pool.Id, old.VersionLabel, target.VersionLabel, correlationId);
        var step = ReloadStep.Stage;
        IEngineSurge? surge = null;
        try
        {
            await _provisioner.StageAsync(pool.Id, target.Model, cancellationToken).ConfigureAwait(false);
            step = ReloadStep.StartNew;
            surge = await engines.StartBesideAsync(pool.Id, target, cancellationToken).ConfigureAwait(false);
            if (!surge.Start.Ready)
            {
                step = FailedStepOf(surge.Start);
                throw new ReloadStepException(surge.Start.Error ?? "the new engine did not become ready");
            }

            step = ReloadStep.Switch;
            // The old engine's deadline runs from the switch; its timer exists before anyone can see the switch, so a
            // clock moved as soon as the new engine serves cannot outpace it.
            using var expiry = new CancellationTokenSource(deadline, time);
            if (!surge.TrySwitch(out var refusal))
            {
                throw new ReloadStepException(refusal!);
            }

            ReloadLog.Switched(_logger, pool.Id, surge.Start.Pid!.Value, surge.OldPid, surge.OldActiveLeases, correlationId);
            step = ReloadStep.Handoff;
            WriteHandoff(pool, target, surge.Start);
            step = ReloadStep.DrainOld;
            var abandoned = await DrainOldAsync(pool, surge, expiry.Token, correlationId).ConfigureAwait(false);
            if (DrainedOrStopped(pool))
            {
                // An operator's drain (or a shutdown) began during the surge: it stops both engines, whichever it has reached by now.
                throw new ReloadStepException($"pool {pool.Id} was drained or stopped during the surge, and both engines with it");
            }

            if (surge.NewEngineFailed.IsCompleted || surge.NewEngineEnded.IsCompleted)
            {
                // The new engine ended before the old one stopped: the old one serves again.
                throw new ReloadStepException(surge.NewEngineFailed.IsCompleted
                    ? $"the new engine ended during the surge ({await surge.NewEngineFailed.ConfigureAwait(false)}); still serving {old.VersionLabel}"
                    : $"the new engine ended during the surge: pool {pool.Id} is {pool.State}");
            }

            ReloadLog.Succeeded(_logger, pool.Id, target.VersionLabel, correlationId);
            return new ReloadResult(pool.Id, ReloadStatus.Reloaded, null, null, false, time.GetElapsedTime(started)) { CorrelationId = correlationId, AbandonedLeases = abandoned };
        }
        catch (OperationCanceledException)
        {
            await AbandonSurgeAsync(pool, surge, old, step == ReloadStep.DrainOld, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            var rollbackError = await AbandonSurgeAsync(pool, surge, old, step == ReloadStep.DrainOld, cancellationToken).ConfigureAwait(false);
            return Failed(pool, started, correlationId, step, rollbackError is null ? e.Message : $"{e.Message}; rollback failed: {rollbackError}", rollbackError is null);
        }
    }

    /// <summary>True once an operator's drain (or a shutdown) has taken <paramref name="pool"/>: a surge keeps it Ready otherwise.</summary>
    private static bool DrainedOrStopped(Pool pool) => pool.State is PoolState.Draining or PoolState.Stopped;

    /// <summary>
    /// Waits for the old engine's leases until the deadline (or until either engine ends), then stops the old engine:
    /// gracefully within what is left of the deadline, by force once it has passed. Returns the leases abandoned.
    /// </summary>
    private async Task<int> DrainOldAsync(Pool pool, IEngineSurge surge, CancellationToken deadline, string correlationId)
    {
        var deadlinePassed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onDeadline = deadline.Register(() => deadlinePassed.TrySetResult()).ConfigureAwait(false);
        var finished = surge.OldLeasesFinished;
        await Task.WhenAny(finished, deadlinePassed.Task, surge.OldEngineEnded, surge.NewEngineFailed).ConfigureAwait(false);
        var abandoned = finished.IsCompleted ? 0 : surge.OldActiveLeases;
        var exit = await surge.StopOldAsync(force: !finished.IsCompleted, deadline).ConfigureAwait(false);
        if (exit is { } ended)
        {
            ReloadLog.OldEngineStopped(_logger, pool.Id, ended.ToString(), abandoned, correlationId);
        }

        return abandoned;
    }

    /// <summary>
    /// Kills the new engine (the old one serves, again if it had switched), names the old engine in the handoff file again
    /// when <paramref name="handoffWritten"/> named the new one, and restores the old model; null when done, else why not.
    /// </summary>
    private async Task<string?> AbandonSurgeAsync(Pool pool, IEngineSurge? surge, EngineSpec old, bool handoffWritten, CancellationToken cancellationToken)
    {
        try
        {
            if (surge is not null)
            {
                await surge.AbortAsync().ConfigureAwait(false);
            }

            if (handoffWritten && pool.Snapshot() is { Pid: { } pid, Endpoint: { } endpoint } serving && pid == surge?.OldPid)
            {
                WriteHandoff(pool, serving.Spec, EngineStartResult.Success(pid, endpoint));
            }

            await _provisioner.RestoreAsync(pool.Id, old.Model, cancellationToken).ConfigureAwait(false);
            return null;
        }
        catch (Exception e)
        {
            // The old engine still serves: a failed restore of its model's files does not take it down.
            return e.Message;
        }
    }
}
