using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Common;

namespace Runtime.Supervision;

/// <summary>
/// A surge: a new engine (the candidate) starts beside the serving one, takes the new leases at the switch, and the old
/// one retires until it is stopped. The candidate's failures go to its caller; the new engine's failure while the old
/// one still retires hands the pool back to the old one; the retiring engine's end touches neither the pool nor the
/// restart policies.
/// </summary>
internal sealed partial class PoolSupervisor
{
    /// <summary>Starts <paramref name="spec"/> beside the serving engine; <paramref name="started"/> completes when it is ready or has failed.</summary>
    public EngineSurge LaunchBeside(EngineSpec spec, out Task<EngineStartResult> started)
    {
        var run = NewRun(spec, supervised: false);
        started = Run(run, beside: true);
        return run.Surge!;
    }

    public bool TrySwitch(EngineSurge surge, out string? refusal)
    {
        var (candidate, old) = (surge.Candidate, surge.Old);
        lock (_lock)
        {
            refusal = candidate.HasEnded || !ReferenceEquals(_candidate, candidate) ? $"the new engine of pool {_pool.Id} has ended"
                : candidate is not { Process: not null, Endpoint: not null } || candidate.Started.Task is not { IsCompletedSuccessfully: true, Result.Ready: true } ? $"the new engine of pool {_pool.Id} is not ready"
                : old.HasEnded || !ReferenceEquals(_run, old) ? $"the old engine of pool {_pool.Id} has ended"
                : null;
            if (refusal is not null)
            {
                return false;
            }

            (_run, _retiring, _candidate) = (candidate, old, null);
            try
            {
                _pool.Update(m =>
                {
                    if (m.State != PoolState.Ready)
                    {
                        throw new InvalidOperationException($"pool {_pool.Id} is {m.State}, not Ready");
                    }

                    surge.OldLeases = m.SwitchEngine(new EngineLeases(candidate.Endpoint), candidate.Spec, candidate.Process!.Pid, candidate.Endpoint!);
                });
            }
            catch (InvalidOperationException e)
            {
                (_run, _retiring, _candidate) = (old, null, candidate);
                refusal = e.Message;
                return false;
            }

            candidate.Supervised = true;

            // The new engine serves from here: the restart policies measure its stable running from now.
            _policy.EngineStarted();
        }

        return true;
    }

    public async Task<EngineExit?> StopOldAsync(EngineSurge surge, bool force, CancellationToken cancellationToken)
    {
        EngineRun? old = null;
        lock (_lock)
        {
            // From here the new engine is the pool's only one: its failures go to the restart policies.
            if (ReferenceEquals(_retiring, surge.Old))
            {
                old = _retiring;
                _retiring = null;
            }
        }

        var exit = await EndRunAsync(old, force, cancellationToken).ConfigureAwait(false);
        if (exit is { } ended)
        {
            SupervisionLog.Stopped(_logger, _pool.Id, ended.ToString());
        }

        return exit;
    }

    public async Task AbortSurgeAsync(EngineSurge surge)
    {
        EngineRun? kill = null;
        lock (_lock)
        {
            if (ReferenceEquals(_candidate, surge.Candidate))
            {
                _candidate = null;
                kill = surge.Candidate;
            }
            else if (SwitchBack_NeedsLock(surge.Candidate, reason: null))
            {
                kill = surge.Candidate;
            }
        }

        await EndRunAsync(kill, force: true, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>A run that ended: when it is a surge's new engine and the old one still runs, the old one serves again.</summary>
    private bool TrySwitchBack(EngineRun run, string reason)
    {
        lock (_lock)
        {
            if (!SwitchBack_NeedsLock(run, reason))
            {
                return false;
            }
        }

        run.Surge?.NewEngineEndedWith(reason);
        return true;
    }

    /// <summary>
    /// Hands the pool back to the surge's old engine; <paramref name="reason"/> is the new engine's failure (counted as a
    /// crash of the pool), null for an abort. Only between the switch and the old engine's stop: the new engine serves and
    /// the surge's old engine still retires.
    /// </summary>
    private bool SwitchBack_NeedsLock(EngineRun run, string? reason)
    {
        if (!ReferenceEquals(_run, run) || run.Surge is not { OldLeases: { } leases } surge
            || _retiring is not { HasEnded: false, Process: { } process, Endpoint: { } endpoint } old || !ReferenceEquals(old, surge.Old))
        {
            return false;
        }

        (_run, _retiring) = (old, null);
        _pool.Update(m =>
        {
            m.SwitchEngine(leases, old.Spec, process.Pid, endpoint);
            if (reason is not null)
            {
                m.CountCrash();
                m.SetLastError(reason);
            }
        });
        return true;
    }

    private void BeginSurge_NeedsLock(EngineRun candidate)
    {
        if (_candidate is { HasEnded: false } || _retiring is { HasEnded: false })
        {
            throw new InvalidOperationException($"a surge of pool {_pool.Id} is under way");
        }

        if (_run is not { HasEnded: false, Process: not null } old || _pool.State != PoolState.Ready)
        {
            throw new InvalidOperationException($"pool {_pool.Id} has no serving engine to start a new one beside (it is {_pool.State})");
        }

        candidate.Surge = new EngineSurge(this, candidate, old);
        _candidate = candidate;
    }

    private (EngineRun? Candidate, EngineRun? Retiring) DetachSurge_NeedsLock()
    {
        var surge = (_candidate, _retiring);
        (_candidate, _retiring) = (null, null);
        return surge;
    }

    private bool IsCandidate(EngineRun run)
    {
        lock (_lock)
        {
            return ReferenceEquals(_candidate, run);
        }
    }

    private void CandidateReady(EngineRun run)
    {
        if (run.HasEnded || run.Process is not { } process || run.Endpoint is not { } endpoint)
        {
            return;
        }

        SupervisionLog.Ready(_logger, _pool.Id, process.Pid, endpoint);
        run.Started.TrySetResult(EngineStartResult.Success(process.Pid, endpoint));
    }
}
