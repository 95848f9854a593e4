using System.Diagnostics.Metrics;
using Runtime.Crashes;

namespace Runtime.RestartLimits;

/// <summary>The limiter's instruments on the <see cref="RestartLimitConstants.MeterName"/> meter.</summary>
/// <remarks>
/// With an <see cref="IMeterFactory"/> the meter belongs to the factory (its scope); without one the limiter owns a
/// private meter and disposes it. The rate gauge is created per limiter and reports only its own pool.
/// </remarks>
internal sealed class RestartLimitMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _storms;
    private readonly KeyValuePair<string, object?> _pool;

    public RestartLimitMetrics(string poolId, IMeterFactory? meterFactory, Func<int> readRate)
    {
        _pool = new("pool", poolId);
        var options = new MeterOptions(RestartLimitConstants.MeterName);
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(options) ?? new Meter(options);
        _storms = _meter.CreateCounter<long>(RestartLimitConstants.StormCounterName, "{storm}", "Restart storms of a pool.");
        _meter.CreateObservableGauge(RestartLimitConstants.RateGaugeName, () => new Measurement<int>(readRate(), _pool),
            "{restart}", "Restarts of a pool within the sliding window.");
    }

    public void Storm(in RestartStorm storm) =>
        _storms.Add(1, _pool, new("storm_kind", storm.KindName), new("crash_reason", CrashReasonNames.GetName(storm.DominantReason)));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
