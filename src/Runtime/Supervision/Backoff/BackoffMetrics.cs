using System.Diagnostics;
using System.Diagnostics.Metrics;
using Runtime.Supervision.Crashes;
using Runtime.Common.Telemetry;

namespace Runtime.Supervision.Backoff;

/// <summary>The backoff's instruments on the <see cref="TelemetryNames.Meter"/> meter.</summary>
/// <remarks>
/// With an <see cref="IMeterFactory"/> the meter belongs to the factory (its scope), so a listener can keep to
/// the instruments of one factory; without one the backoff owns a private meter and disposes it.
/// </remarks>
internal sealed class BackoffMetrics : IDisposable
{
    private readonly RuntimeMeter _meter;
    private readonly Histogram<double> _delay;
    private readonly Counter<long> _scheduled;
    private readonly string _poolId;

    public BackoffMetrics(string poolId, IMeterFactory? meterFactory)
    {
        _poolId = poolId;
        _meter = new RuntimeMeter(meterFactory);
        _delay = _meter.Meter.CreateHistogram<double>(TelemetryNames.BackoffDelay, "s", "Delay before a scheduled engine restart.", tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = TelemetryNames.DurationBuckets });
        _scheduled = _meter.Meter.CreateCounter<long>(TelemetryNames.RestartsScheduled, "{restart}", "Engine restarts scheduled by the backoff.");
    }

    public void Scheduled(in BackoffDecision decision)
    {
        var tags = new TagList
        {
            { TelemetryNames.PoolTag, _poolId },
            { TelemetryNames.CrashReasonTag, CrashReasonNames.GetName(decision.Reason) },
        };
        _delay.Record(decision.Delay.TotalSeconds, tags);
        _scheduled.Add(1, tags);
    }

    public void Dispose()
    {
        _meter.Dispose();
    }
}
