namespace Runtime.Supervision.Engines;

/// <summary>How probes and the startup timeout become verdicts: ready once, then at most one final verdict.</summary>
public sealed partial class HealthMonitor
{
    /// <summary>Records a probe; <paramref name="failures"/> is the running count of a failure that counts, else 0.</summary>
    private HealthVerdict? Record_NeedsLock(HealthProbeResult result, out int failures)
    {
        failures = 0;
        if (_finished)
        {
            return null;
        }

        if (result.Healthy)
        {
            _consecutiveFailures = 0;
            if (_ready)
            {
                return null;
            }

            _ready = true;
            return HealthVerdict.Ready;
        }

        _lastFailure = result;
        if (!_ready)
        {
            return null;
        }

        failures = ++_consecutiveFailures;
        if (_consecutiveFailures < _options.FailureThreshold)
        {
            return null;
        }

        _finished = true;
        return HealthVerdict.Unhealthy;
    }

    private void OnStartupTimeout()
    {
        HealthProbeResult last;
        lock (_lock)
        {
            if (_finished || _ready)
            {
                return;
            }

            _finished = true;
            last = _lastFailure;
        }

        Report(HealthVerdict.StartupTimedOut, last);
    }

    private void Report(HealthVerdict? verdict, HealthProbeResult result)
    {
        if (verdict is not { } v)
        {
            return;
        }

        if (v != HealthVerdict.Ready)
        {
            _probeTimer?.Dispose();
        }

        _onVerdict(v, result);
    }
}
