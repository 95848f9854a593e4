using Runtime.Supervision.Crashes;

namespace Runtime.Supervision.CircuitBreaker;

// Operator and supervisor overrides of the breaker: trip on a storm, reset, allow one restart.
public sealed partial class PoolCircuitBreaker
{
    /// <summary>Forces open the circuit counting <paramref name="dominantReason"/> (a restart storm). An open circuit keeps its deadline.</summary>
    public void Trip(CrashReason dominantReason)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        List<CircuitStateChange>? changes = null;
        lock (_lock)
        {
            CircuitFor(dominantReason).Trip_NeedsLock(_time.GetUtcNow(), ref changes);
            UpdateFlags_NeedsLock();
        }

        Raise(changes);
    }

    /// <summary>Operator: closes every circuit, zeroes every failure count and restores the first open duration.</summary>
    public void Reset()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        List<CircuitStateChange>? changes = null;
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            foreach (var c in _all)
            {
                c.Reset_NeedsLock(now, ref changes);
            }

            // Stryker disable once Boolean : equivalent, UpdateFlags_NeedsLock clears the allowance once every circuit is closed
            _operatorAllowance = false;
            UpdateFlags_NeedsLock();
        }

        CircuitBreakerLog.Reset(_logger, PoolId);
        Raise(changes);
    }

    /// <summary>
    /// Operator: lets exactly one otherwise refused restart through, without resetting any counter or state.
    /// Returns <see langword="false"/> (and grants nothing) when every circuit is closed.
    /// </summary>
    public bool AllowOneRestart()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        lock (_lock)
        {
            if (_allClosed)
            {
                return false;
            }

            _operatorAllowance = true;
        }

        CircuitBreakerLog.OneRestartAllowed(_logger, PoolId);
        return true;
    }
}
