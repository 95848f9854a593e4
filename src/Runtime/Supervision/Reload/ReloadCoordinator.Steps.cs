using Runtime.Supervision.Crashes;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Common;

namespace Runtime.Supervision.Reload;

/// <summary>The reload steps and the rollback.</summary>
public sealed partial class ReloadCoordinator
{
    private async Task<ReloadResult> RunAsync(Pool pool, EngineSpec old, EngineSpec target, TimeSpan drainDeadline, string correlationId, CancellationToken cancellationToken)
    {
        var time = _options.TimeProvider;
        var started = time.GetTimestamp();
        ReloadLog.Started(_logger, pool.Id, old.VersionLabel, target.VersionLabel, correlationId);
        ReloadResult Fail(ReloadStep step, string error, bool rolledBack) => Failed(pool, started, correlationId, step, error, rolledBack);

        DrainOutcome drain;
        try
        {
            drain = await _drains.DrainForReloadAsync(pool.Id, drainDeadline, correlationId).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            // Another drain began first, or the pool left Ready: nothing was touched.
            return Fail(ReloadStep.Drain, e.Message, rolledBack: false);
        }

        if (drain.Status != DrainStatus.Completed)
        {
            // Nothing was swapped: the old engine never stopped, so there is nothing to roll back.
            return Fail(ReloadStep.Drain, $"drain deadline passed with {drain.AbandonedLeases.Count} active leases; still serving {old.VersionLabel}", rolledBack: false);
        }

        if (drain.Mode == DrainMode.StopEngine)
        {
            return Fail(ReloadStep.Drain, $"an operator's drain joined this one and stopped the engine of pool {pool.Id}", rolledBack: false);
        }

        if (pool.State != PoolState.Reloading)
        {
            // The engine crashed during the drain: the supervisor owns the pool now.
            return Fail(ReloadStep.Drain, $"pool {pool.Id} left Draining for {pool.State} during the drain", rolledBack: false);
        }

        var step = ReloadStep.Stage;
        var oldStopped = false;
        try
        {
            await _provisioner.StageAsync(pool.Id, target.Model, cancellationToken).ConfigureAwait(false);
            step = ReloadStep.StopOld;
            await _engines.StopEngineAsync(pool.Id, force: false, cancellationToken).ConfigureAwait(false);
            oldStopped = true;
            step = ReloadStep.StartNew;
            var start = await _engines.StartEngineAsync(pool.Id, target, cancellationToken).ConfigureAwait(false);
            if (!start.Ready)
            {
                step = FailedStepOf(start);
                throw new ReloadStepException(start.Error ?? "the new engine did not become ready");
            }

            step = ReloadStep.Handoff;
            WriteHandoff(pool, target, start);

            ReloadLog.Succeeded(_logger, pool.Id, target.VersionLabel, correlationId);
            return new ReloadResult(pool.Id, ReloadStatus.Reloaded, null, null, false, time.GetElapsedTime(started)) { CorrelationId = correlationId };
        }
        catch (OperationCanceledException)
        {
            // Cancelled by the caller: the pool is put back as it was before the reload is given up.
            await RollBackAsync(pool, old, newEngineRuns: step == ReloadStep.Handoff, oldStopped, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
        catch (Exception e)
        {
            var rollbackError = await RollBackAsync(pool, old, newEngineRuns: step == ReloadStep.Handoff, oldStopped, cancellationToken).ConfigureAwait(false);
            return Fail(step, rollbackError is null ? e.Message : $"{e.Message}; rollback failed: {rollbackError}", rollbackError is null);
        }
    }

    /// <summary>A failed reload's result, logged: "reload of pool gpu-0 failed at stage: disk full".</summary>
    private ReloadResult Failed(Pool pool, long started, string correlationId, ReloadStep step, string error, bool rolledBack)
    {
        var message = $"reload of pool {pool.Id} failed at {ReloadStepNames.GetName(step)}: {error}";
        ReloadLog.Failed(_logger, pool.Id, ReloadStepNames.GetName(step), error, rolledBack, correlationId);
        return new ReloadResult(pool.Id, ReloadStatus.Failed, step, message, rolledBack, _options.TimeProvider.GetElapsedTime(started)) { CorrelationId = correlationId };
    }

    /// <summary>Writes the handoff file naming the engine that now serves pool <paramref name="pool"/> (no-op without a handoff directory).</summary>
    private void WriteHandoff(Pool pool, EngineSpec target, EngineStartResult start)
    {
        if (_options.HandoffDirectory is { } directory)
        {
            new HandoffFile
            {
                Pool = pool.Id, Model = target.Model, EngineVersion = target.EngineVersion, Pid = start.Pid!.Value,
                Endpoint = start.Endpoint!.ToString(), WrittenAt = _options.TimeProvider.GetUtcNow(),
            }.Write(HandoffFile.PathFor(directory, pool.Id));
        }
    }

    /// <summary>
    /// The step a failed start of the new engine is charged to: <see cref="ReloadStep.HealthCheck"/> when
    /// the engine ran but did not pass its health check in time (a <see cref="CrashReason.StartupFailure"/>
    /// or <see cref="CrashReason.HealthCheckFailure"/> of a started process), else
    /// <see cref="ReloadStep.StartNew"/>: the OS could not start it (no process id), or it ended on its own
    /// before it was ready (it exited, died by a signal or reported a fault while starting).
    /// </summary>
    internal static ReloadStep FailedStepOf(EngineStartResult start) =>
        start.Pid is not null && start.Failure is CrashReason.StartupFailure or CrashReason.HealthCheckFailure
            ? ReloadStep.HealthCheck
            : ReloadStep.StartNew;

    /// <summary>Kills the new engine, restores the old model, restarts the old engine; null when it serves again, else why not.</summary>
    private async Task<string?> RollBackAsync(Pool pool, EngineSpec old, bool newEngineRuns, bool oldStopped, CancellationToken cancellationToken)
    {
        string? rollbackError;
        try
        {
            if (newEngineRuns)
            {
                pool.Transition(PoolState.Reloading);
                await _engines.StopEngineAsync(pool.Id, force: true, cancellationToken).ConfigureAwait(false);
                oldStopped = true;
            }

            await _provisioner.RestoreAsync(pool.Id, old.Model, cancellationToken).ConfigureAwait(false);
            if (!oldStopped)
            {
                pool.Transition(PoolState.Ready);
                return null;
            }

            var start = await _engines.StartEngineAsync(pool.Id, old, cancellationToken).ConfigureAwait(false);
            if (start.Ready)
            {
                return null;
            }

            rollbackError = start.Error;
        }
        catch (Exception e)
        {
            rollbackError = e.Message;
        }

        var error = $"reload rollback failed: {rollbackError}";
        pool.Transition(PoolState.Failed, m => m.SetLastError(error));
        _engines.TakeOver(pool.Id, error);
        return rollbackError ?? "unknown";
    }

    private sealed class ReloadStepException(string message) : Exception(message);
}
