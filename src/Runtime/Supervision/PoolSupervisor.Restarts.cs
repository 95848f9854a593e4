using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Policies;
using Runtime.Supervision.Pools;

namespace Runtime.Supervision;

/// <summary>After a crash: the restart policy's answer, the restart or the refusal, and the pool's state transitions that follow.</summary>
internal sealed partial class PoolSupervisor
{
    /// <summary>
    /// Asks the restart policy what follows a crash of <paramref name="crashed"/> (null for a take-over) and carries
    /// the answer out. When the run was stopped on purpose meanwhile (a drain, a reload replacing its engine), the
    /// failure is counted but the pool is left to whoever stopped it: no restart is scheduled and no circuit awaited,
    /// which would start an engine over the one they start and leave their wait for it unanswered.
    /// </summary>
    private void AfterCrash(CrashReason reason, EngineRun? crashed = null)
    {
        bool owned;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            owned = crashed is null || ReferenceEquals(_run, crashed);
        }

        var decision = _policy.Decide(reason, restartWanted: owned);
        switch (decision.Verdict)
        {
            case RestartVerdict.Stop:
                TryTransition(PoolState.Stopped);
                return;
            case RestartVerdict.Refused when decision.WaitsForCircuit:
                lock (_lock)
                {
                    if (!Owns_NeedsLock(crashed))
                    {
                        return;
                    }

                    _waitingForCircuit = true;
                }

                Refuse(decision.RefusedBecause!);
                return;
            case RestartVerdict.Refused:
                Refuse(decision.RefusedBecause!);
                return;
            case RestartVerdict.RestartAfterDelay:
                ScheduleRestart(crashed, decision.Delay, reason);
                return;
        }
    }

    private void ScheduleRestart(EngineRun? crashed, TimeSpan delay, CrashReason reason)
    {
        lock (_lock)
        {
            if (!Owns_NeedsLock(crashed))
            {
                return;
            }

            // The timer exists before anyone can see the pool restarting, so whoever reacts to that state (an operator,
            // or a test's clock) finds the restart already scheduled. Restart() takes this lock, so it cannot run
            // before the transition, whatever the delay.
            _restartTimer?.Dispose();
            _restartTimer = _context.Options.TimeProvider.CreateTimer(_ => Restart(), null, delay, Timeout.InfiniteTimeSpan);
            TryTransition(PoolState.Restarting);
        }

        SupervisionLog.RestartScheduled(_logger, _pool.Id, delay.TotalSeconds, CrashReasonNames.GetName(reason));
    }

    /// <summary>True while the supervisor runs and <paramref name="crashed"/> (when given) is still the pool's run.</summary>
    private bool Owns_NeedsLock(EngineRun? crashed) => !_disposed && (crashed is null || ReferenceEquals(_run, crashed));

    private void Refuse(string why)
    {
        SupervisionLog.RestartRefused(_logger, _pool.Id, why);
        TryTransition(PoolState.Failed, $"restart refused: {why}");
    }

    private void Restart()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _restartTimer?.Dispose();
            _restartTimer = null;
        }

        if (!TryTransition(PoolState.Starting, countRestart: true))
        {
            return;
        }

        _context.Metrics.Restart(_pool.Id);
        _ = Launch(_pool.Spec, supervised: true);
    }

    /// <summary>A pool stopped by its restart policies (Failed, no engine) restarts now; false when it was not.</summary>
    private bool RestartIfStopped()
    {
        lock (_lock)
        {
            if (_disposed || _run is { HasEnded: false } || _pool.State != PoolState.Failed)
            {
                return false;
            }

            _waitingForCircuit = false;
        }

        Restart();
        return true;
    }

    private void OnCircuitChanged(object? sender, CircuitStateChange change)
    {
        if (change.NewState != CircuitState.HalfOpen)
        {
            return;
        }

        lock (_lock)
        {
            if (!_waitingForCircuit || _disposed)
            {
                return;
            }
        }

        // A restart needs every circuit: while another one is still open, the pool keeps waiting for that one.
        if (!_policy.TryAdmitProbe())
        {
            return;
        }

        lock (_lock)
        {
            if (!_waitingForCircuit || _disposed)
            {
                return;
            }

            _waitingForCircuit = false;
        }

        Restart();
    }

    private bool TryTransition(PoolState to, string? error = null, bool countRestart = false)
    {
        try
        {
            _pool.Transition(to, m =>
            {
                if (error is not null)
                {
                    m.SetLastError(error);
                }

                if (countRestart)
                {
                    m.CountRestart();
                }
            });
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
