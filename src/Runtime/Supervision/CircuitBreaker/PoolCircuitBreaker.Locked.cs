using System.Diagnostics.Metrics;
using Runtime.Supervision.Crashes;

namespace Runtime.Supervision.CircuitBreaker;

// The breaker's internals: timer, admission under the lock, flags, gauge reading and event raising.
public sealed partial class PoolCircuitBreaker
{
    internal ITimer CreateTimer() =>
        _time.CreateTimer(static s => ((PoolCircuitBreaker)s!).OnTimer(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);

    /// <summary>The shared stable-run timer: a run may have been stable for <c>StableRunDuration</c>.</summary>
    internal void StableRunElapsed() => OnTimer();

    private void OnTimer()
    {
        List<CircuitStateChange>? changes = null;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            Refresh_NeedsLock(_time.GetUtcNow(), ref changes);
            UpdateFlags_NeedsLock();
        }

        Raise(changes);
    }

    private Circuit CircuitFor(CrashReason reason) => _byReason[(int)reason] ?? _general;

    private RestartAdmission Admit_NeedsLock()
    {
        var refusal = RestartAdmission.Allowed;
        var probe = false;
        foreach (var c in _all)
        {
            if (!c.Admits_NeedsLock())
            {
                refusal = c.State == CircuitState.Open ? RestartAdmission.RefusedOpen
                    : refusal == RestartAdmission.RefusedOpen ? refusal : RestartAdmission.RefusedProbeOutstanding;
            }

            probe |= c.State == CircuitState.HalfOpen;
        }

        if (refusal == RestartAdmission.Allowed)
        {
            foreach (var c in _all)
            {
                c.AdmitProbe_NeedsLock();
            }

            return probe ? RestartAdmission.Probe : RestartAdmission.Allowed;
        }

        if (_operatorAllowance)
        {
            _operatorAllowance = false;
            return RestartAdmission.OperatorAllowed;
        }

        return refusal;
    }

    private void Refresh_NeedsLock(DateTimeOffset now, ref List<CircuitStateChange>? changes)
    {
        foreach (var c in _all)
        {
            c.Refresh_NeedsLock(now, ref changes);
        }
    }

    private void UpdateFlags_NeedsLock()
    {
        var allClosed = true;
        foreach (var c in _all)
        {
            allClosed &= c.State == CircuitState.Closed;
        }

        if (allClosed)
        {
            _operatorAllowance = false;
        }

        _allClosed = allClosed;
    }

    private IEnumerable<Measurement<int>> ReadStates()
    {
        lock (_lock)
        {
            return _all.Select(c => _metrics.StateMeasurement(c.Name, c.State)).ToArray();
        }
    }

    private void Raise(List<CircuitStateChange>? changes)
    {
        if (changes is null)
        {
            return;
        }

        foreach (var change in changes)
        {
            CircuitBreakerLog.StateChanged(_logger, PoolId, change.Circuit, CircuitBreakerConstants.GetStateName(change.OldState),
                CircuitBreakerConstants.GetStateName(change.NewState), change.FailureCount);
            if (change.NewState == CircuitState.Open)
            {
                _metrics.Opened(change.Circuit);
            }

            StateChanged?.Invoke(this, change);
        }
    }
}
