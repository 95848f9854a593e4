using System.Diagnostics.Metrics;
using Runtime.Supervision.Crashes;
using Runtime.Common.Telemetry;

namespace Runtime.Supervision.RestartLimits;

/// <summary>The limiter's instruments on the <see cref="TelemetryNames.Meter"/> meter.</summary>
/// <remarks>
/// With an <see cref="IMeterFactory"/> the meter belongs to the factory (its scope); without one the limiter owns a
/// private meter and disposes it. The rate gauge is created per limiter and reports only its own pool.
/// </remarks>
internal sealed class RestartLimitMetrics : IDisposable
{
    private readonly RuntimeMeter _meter;
    private readonly Counter<long> _storms;
    private readonly KeyValuePair<string, object?> _pool;

    public RestartLimitMetrics(string poolId, IMeterFactory? meterFactory, Func<int> readRate)
    {
        _pool = new(TelemetryNames.PoolTag, poolId);
        _meter = new RuntimeMeter(meterFactory);
        _storms = _meter.Meter.CreateCounter<long>(TelemetryNames.RestartStorms, "{storm}", "Restart storms of a pool.");
        _meter.Meter.CreateObservableGauge(TelemetryNames.RestartRate, () => new Measurement<int>(readRate(), _pool),
            "{restart}", "Restarts of a pool within the sliding window.");
    }

    public void Storm(in RestartStorm storm) =>
        _storms.Add(1, _pool, new(TelemetryNames.StormKindTag, storm.KindName), new(TelemetryNames.CrashReasonTag, CrashReasonNames.GetName(storm.DominantReason)));

    public void Dispose()
    {
        _meter.Dispose();
    }
}
