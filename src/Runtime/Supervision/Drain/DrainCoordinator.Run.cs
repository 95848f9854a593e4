using Runtime.Supervision.Pools;
using Runtime.Common.Telemetry;

namespace Runtime.Supervision.Drain;

/// <summary>A drain under way, from its start to its outcome: the wait for the leases, the deadline, cancellation, the engine's stop.</summary>
public sealed partial class DrainCoordinator
{
    private async Task<DrainOutcome> RunAsync(Pool pool, RunningDrain drain, long started, int atStart, TimeSpan deadline, CancellationTokenSource cancel)
    {
        using var cancellation = cancel;
        var time = _options.TimeProvider;
        // Cancelled at the deadline: ends the wait for the leases, and then a graceful stop still under way.
        using var expiry = new CancellationTokenSource(deadline, time);
        var idle = pool.WhenIdle();
        var deadlinePassed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onDeadline = expiry.Token.Register(() => deadlinePassed.TrySetResult()).ConfigureAwait(false);
        var expired = deadlinePassed.Task;
        var cancelledNow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onCancel = cancellation.Token.Register(() => cancelledNow.TrySetResult()).ConfigureAwait(false);
        await Task.WhenAny(idle, expired, cancelledNow.Task).ConfigureAwait(false);
        // Never on the thread whose release (or timer) ended the wait, nor on the caller's context when it ended at once.
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        if (!idle.IsCompleted && !expired.IsCompleted)
        {
            lock (_lock)
            {
                _drains.Remove(pool.Id);
                pool.TryTransition(PoolState.Draining, PoolState.Ready);
            }

            DrainLog.Cancelled(_logger, pool.Id, pool.ActiveLeases, drain.CorrelationId);
            throw new OperationCanceledException($"the drain of pool {pool.Id} was cancelled: the pool serves again", cancellation.Token);
        }

        // When both are done by now, the leases were all released: nothing is abandoned, whichever woke this first.
        var first = idle.IsCompleted ? idle : expired;
        IReadOnlyList<long> abandoned = first == idle ? [] : pool.ActiveLeaseIds();
        DrainMode mode;
        lock (_lock)
        {
            // Decided: from here on nobody joins this drain, and nobody changes what it does with the engine. A drain
            // that keeps the engine gives the pool back now, in the same step, so that nobody finds it Draining with no
            // drain under way; only a reload's drain whose leases finished leaves it to the reload. Only from Draining:
            // when the engine crashed meanwhile, the supervisor owns the pool's state.
            _drains.Remove(pool.Id);
            mode = drain.Mode;
            if (mode == DrainMode.KeepEngine && drain.ForReload && first == idle)
            {
                // The reload takes the pool over in this same step: an operator's drain from now on finds it
                // Reloading (and is refused so), never Draining with no drain under way.
                pool.TryTransition(PoolState.Draining, PoolState.Reloading);
            }
            else if (mode == DrainMode.KeepEngine)
            {
                pool.TryTransition(PoolState.Draining, PoolState.Ready);
            }
        }

        DrainOutcome outcome;
        if (first == idle)
        {
            var exit = mode == DrainMode.StopEngine ? await StopGracefullyWithinAsync(pool, expiry.Token).ConfigureAwait(false) : null;
            if (mode == DrainMode.StopEngine)
            {
                pool.Transition(PoolState.Stopped);
            }

            outcome = new DrainOutcome(pool.Id, DrainStatus.Completed, atStart, [], time.GetElapsedTime(started), exit) { Mode = mode, CorrelationId = drain.CorrelationId };
            DrainLog.Completed(_logger, pool.Id, outcome.Duration.TotalMilliseconds, drain.CorrelationId);
        }
        else
        {
            if (mode == DrainMode.StopEngine)
            {
                DrainLog.DeadlinePassed(_logger, pool.Id, abandoned.Count, "force-stopping the engine", drain.CorrelationId);
                var exit = await _engines.StopEngineAsync(pool.Id, force: true).ConfigureAwait(false);
                pool.Transition(PoolState.Stopped);
                outcome = new DrainOutcome(pool.Id, DrainStatus.ForceStopped, atStart, abandoned, time.GetElapsedTime(started), exit) { Mode = mode, CorrelationId = drain.CorrelationId };
            }
            else
            {
                DrainLog.DeadlinePassed(_logger, pool.Id, abandoned.Count, "the pool serves again", drain.CorrelationId);
                outcome = new DrainOutcome(pool.Id, DrainStatus.TimedOut, atStart, abandoned, time.GetElapsedTime(started), null) { Mode = mode, CorrelationId = drain.CorrelationId };
            }
        }

        _duration.Record(
            outcome.Duration.TotalSeconds,
            new KeyValuePair<string, object?>(TelemetryNames.PoolTag, pool.Id),
            new KeyValuePair<string, object?>(TelemetryNames.DrainStatusTag, StatusName(outcome.Status)));
        return outcome;
    }

    /// <summary>Stops the engine gracefully; when the deadline passes first, the engines layer kills it then.</summary>
    private async Task<Runtime.Supervision.Engines.EngineExit?> StopGracefullyWithinAsync(Pool pool, CancellationToken deadline)
    {
        try
        {
            return await _engines.StopEngineAsync(pool.Id, force: false, deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return await _engines.StopEngineAsync(pool.Id, force: true).ConfigureAwait(false);
        }
    }

    private static string StatusName(DrainStatus status) => status switch
    {
        DrainStatus.Completed => "completed",
        DrainStatus.ForceStopped => "force_stopped",
        _ => "timed_out",
    };

    /// <summary>A drain under way: its task, and what it will do with the engine (an operator's join can change that).</summary>
    private sealed class RunningDrain(DrainMode mode, string correlationId, bool forReload)
    {
        public DrainMode Mode { get; set; } = mode;

        /// <summary>A reload's own drain: when its leases finish, the pool turns Reloading for the reload to take on.</summary>
        public bool ForReload { get; } = forReload;

        public string CorrelationId { get; } = correlationId;

        public Task<DrainOutcome> Task { get; set; } = null!;
    }
}
