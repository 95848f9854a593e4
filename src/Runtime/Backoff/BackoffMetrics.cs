using System.Diagnostics;
using System.Diagnostics.Metrics;
using Runtime.Crashes;

namespace Runtime.Backoff;

/// <summary>The backoff's instruments on the <see cref="BackoffConstants.MeterName"/> meter.</summary>
/// <remarks>
/// With an <see cref="IMeterFactory"/> the meter belongs to the factory (its scope), so a listener can keep to
/// the instruments of one factory; without one the backoff owns a private meter and disposes it.
/// </remarks>
internal sealed class BackoffMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _delay;
    private readonly Counter<long> _scheduled;
    private readonly string _poolId;

    public BackoffMetrics(string poolId, IMeterFactory? meterFactory)
    {
        _poolId = poolId;
        var options = new MeterOptions(BackoffConstants.MeterName);
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(options) ?? new Meter(options);
        _delay = _meter.CreateHistogram<double>(BackoffConstants.DelayHistogramName, "ms", "Delay before a scheduled engine restart.");
        _scheduled = _meter.CreateCounter<long>(BackoffConstants.RestartScheduledCounterName, "{restart}", "Engine restarts scheduled by the backoff.");
    }

    public void Scheduled(in BackoffDecision decision)
    {
        var tags = new TagList
        {
            { "pool", _poolId },
            { "crash_reason", CrashReasonNames.GetName(decision.Reason) },
        };
        _delay.Record(decision.Delay.TotalMilliseconds, tags);
        _scheduled.Add(1, tags);
    }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
