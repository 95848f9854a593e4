using System.Diagnostics.Metrics;
using Runtime.Common.Telemetry;

namespace Runtime.Supervision.Reload;

/// <summary>Reload instruments on the <see cref="TelemetryNames.Meter"/> meter.</summary>
internal sealed class ReloadMetrics : IDisposable
{
    private readonly RuntimeMeter _meter;
    private readonly Histogram<double> _duration;
    private readonly Counter<long> _success;
    private readonly Counter<long> _failure;

    public ReloadMetrics(IMeterFactory? factory)
    {
        _meter = new RuntimeMeter(factory);
        _duration = _meter.Meter.CreateHistogram<double>(TelemetryNames.ReloadDuration, "s", "Time from reload start to its end.", tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryNames.DurationBuckets });
        _success = _meter.Meter.CreateCounter<long>(TelemetryNames.ReloadSuccesses, "{reload}", "Successful reloads.");
        _failure = _meter.Meter.CreateCounter<long>(TelemetryNames.ReloadFailures, "{reload}", "Failed reloads by reason.");
    }

    public void Record(ReloadResult result)
    {
        var pool = new KeyValuePair<string, object?>(TelemetryNames.PoolTag, result.PoolId);
        _duration.Record(
            result.Duration.TotalSeconds,
            pool,
            new KeyValuePair<string, object?>(TelemetryNames.ReloadOutcomeTag, result.Status.ToString().ToLowerInvariant()),
            new KeyValuePair<string, object?>(TelemetryNames.ReloadStrategyTag, ReloadStrategyNames.GetName(result.Strategy)));
        if (result.Status == ReloadStatus.Reloaded)
        {
            _success.Add(1, pool);
        }
        else if (result.Status == ReloadStatus.Failed && result.FailedStep is { } step)
        {
            _failure.Add(1, pool, new KeyValuePair<string, object?>(TelemetryNames.ReloadStepTag, ReloadStepNames.GetName(step)));
        }
    }

    public void Dispose() => _meter.Dispose();
}
