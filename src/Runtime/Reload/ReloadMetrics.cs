using System.Diagnostics.Metrics;
using Runtime.Supervision;

namespace Runtime.Reload;

/// <summary>Reload instruments on the <c>Runtime.Supervision</c> meter.</summary>
internal sealed class ReloadMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _success;
    private readonly Counter<long> _failure;

    public ReloadMetrics(IMeterFactory? factory)
    {
        var options = new MeterOptions(SupervisionDefaults.MeterName);
        _ownsMeter = factory is null;
        _meter = factory?.Create(options) ?? new Meter(options);
        _duration = _meter.CreateHistogram<double>(ReloadDefaults.DurationHistogramName, "ms", "Time from reload start to its end.");
        _success = _meter.CreateCounter<long>(ReloadDefaults.SuccessCounterName, "{reload}", "Successful reloads.");
        _failure = _meter.CreateCounter<long>(ReloadDefaults.FailureCounterName, "{reload}", "Failed reloads by reason.");
    }

    public void Record(ReloadResult result)
    {
        var pool = new KeyValuePair<string, object?>(SupervisionDefaults.PoolTag, result.PoolId);
        _duration.Record(
            result.Duration.TotalMilliseconds,
            pool,
            new KeyValuePair<string, object?>("outcome", result.Status.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>(ReloadDefaults.StrategyTag, ReloadStrategyNames.GetName(result.Strategy)));
        if (result.Status == ReloadStatus.Reloaded)
        {
            _success.Add(1, pool);
        }
        else if (result.Status == ReloadStatus.Failed && result.FailedStep is { } step)
        {
            _failure.Add(1, pool, new KeyValuePair<string, object?>(ReloadDefaults.ReasonTag, ReloadStepNames.GetName(step)));
        }
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
