using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Common;

namespace Runtime.Supervision;

/// <summary>What happens to a run: output lines, health verdicts, readiness, exits and the crash they make.</summary>
internal sealed partial class PoolSupervisor
{
    private void OnOutput(EngineRun run, EngineOutputLine line)
    {
        SupervisionLog.Output(_logger, _pool.Id, line.Pid, line.Text);
        _context.RaiseOutput(_pool.Id, line);
        if (_context.Classifier.IsDriverError(line.Text))
        {
            Fail(run, CrashReason.DriverError, line.Text, exit: null);
        }
    }

    private void OnVerdict(EngineRun run, HealthVerdict verdict, HealthProbeResult result)
    {
        switch (verdict)
        {
            case HealthVerdict.Ready:
                BecomeReady(run);
                break;
            case HealthVerdict.StartupTimedOut:
                Fail(run, CrashReason.StartupFailure, $"not ready within {_context.Health.StartupTimeout.TotalSeconds:0.###} s", exit: null);
                break;
            case HealthVerdict.Unhealthy:
                StopUnhealthy(run, $"{_context.Health.FailureThreshold} consecutive failed health probes ({result.Error})");
                break;
        }
    }

    private void OnCheckFailed(EngineRun run, HealthCheckFailure failure)
    {
        if (run.Process is { } process)
        {
            SupervisionLog.HealthCheckFailed(_logger, _pool.Id, process.Pid, failure.ConsecutiveFailures, failure.FailureThreshold, failure.Result.Error);
        }
    }

    private void BecomeReady(EngineRun run)
    {
        if (IsCandidate(run))
        {
            CandidateReady(run);
            return;
        }

        if (run.HasEnded || !IsCurrent(run) || run.Process is not { } process || run.Endpoint is not { } endpoint)
        {
            return;
        }

        try
        {
            _pool.Transition(PoolState.Ready, m =>
            {
                // Under the pool's lock, once the transition is allowed: the restart policies learn that the run started
                // before anyone can see the pool ready (an observer may move the clock at once, and a stable run is
                // measured from here), and a crash recorded on the pool after this finds the run supervised.
                if (run.HasEnded)
                {
                    throw new InvalidOperationException($"the engine of pool {_pool.Id} ended before it was ready");
                }

                _policy.EngineStarted();
                run.Supervised = true;
                m.SetSpec(run.Spec);
                m.SetEngine(process.Pid, endpoint, live: true);
            });
        }
        catch (InvalidOperationException e)
        {
            Fail(run, CrashReason.StartupFailure, e.Message, exit: null);
            return;
        }

        SupervisionLog.Ready(_logger, _pool.Id, process.Pid, endpoint);
        run.Started.TrySetResult(EngineStartResult.Success(process.Pid, endpoint));
    }

    /// <summary>
    /// A hung engine is stopped (SIGTERM, then SIGKILL after the grace period) and the crash is recorded
    /// when it has ended: if it died on its own meanwhile (the failed probes were its death throes), its
    /// real exit status is the reason instead.
    /// </summary>
    private void StopUnhealthy(EngineRun run, string detail)
    {
        if (run.HasEnded || run.Process is not { } process)
        {
            return;
        }

        run.HealthFailure = detail;
        SupervisionLog.Unhealthy(_logger, _pool.Id, process.Pid, detail);
        _ = process.StopAsync(_context.Options.StopGracePeriod);
    }

    private void OnExit(EngineRun run, EngineExit exit)
    {
        if (run.HasEnded)
        {
            return;
        }

        var (reason, detail) = _context.Classifier.Classify(exit, run.OomBaseline);
        if (run.HealthFailure is { } failure && (exit.IsGraceful || exit.Signal is Signals.SIGTERM or Signals.SIGKILL))
        {
            (reason, detail) = (CrashReason.HealthCheckFailure, failure);
        }

        Fail(run, reason, detail, exit);
    }

    /// <summary>The single failure outcome of a run: record the crash, stop what is left, then restart or report.</summary>
    private void Fail(EngineRun run, CrashReason reason, string detail, EngineExit? exit)
    {
        if (!run.TryEnd())
        {
            return;
        }

        run.Monitor?.Dispose();
        var now = _context.Options.TimeProvider.GetUtcNow();
        var crash = new CrashEvent(_pool.Id, run.Spec.Model, run.Spec.EngineVersion, now - run.StartedAt,
            exit?.ExitCode, exit?.SignalName, reason, now, detail);
        // A surge's new engine that ends before the surge does hands the pool back to the old engine.
        var switchedBack = TrySwitchBack(run, crash.Message);
        var current = !switchedBack && IsCurrent(run);
        if (current)
        {
            _pool.Update(m =>
            {
                if (reason != CrashReason.GracefulExit)
                {
                    m.CountCrash();
                }

                m.SetLastError(crash.Message);
                m.SetEngine(null, null, live: false);
            });
        }

        if (reason != CrashReason.GracefulExit)
        {
            _context.Metrics.Crash(_pool.Id, reason);
        }

        SupervisionLog.Crashed(_logger, _pool.Id, crash.EngineVersion, crash.ReasonName, crash.ExitCode, detail, crash.Uptime.TotalSeconds);
        if (reason == CrashReason.OutOfMemory)
        {
            SupervisionLog.OutOfMemoryKill(_logger, _pool.Id, run.Spec.Model, run.Spec.EngineVersion, crash.Uptime.TotalSeconds, detail);
        }

        if (run.Process is { HasExited: false } process)
        {
            if (run.Supervised)
            {
                _ = process.StopAsync(_context.Options.StopGracePeriod);
            }
            else
            {
                process.Signal(Signals.SIGKILL);
            }
        }

        run.Started.TrySetResult(EngineStartResult.Failed(run.Process?.Pid, reason, crash.Message));
        if (current && run.Supervised)
        {
            AfterCrash(reason, run);
        }

        // Raised last: when observers hear of the crash, the restart decision (and its timer) exists.
        _context.RaiseCrashed(crash);
    }
}
