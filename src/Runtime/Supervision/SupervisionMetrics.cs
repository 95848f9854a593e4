using System.Diagnostics.Metrics;
using Runtime.Supervision.Crashes;
using Runtime.Common.Telemetry;

namespace Runtime.Supervision;

/// <summary>Crash and restart counters on the <c>Runtime</c> meter (<see cref="Runtime.Common.Telemetry.TelemetryNames"/>).</summary>
internal sealed class SupervisionMetrics : IDisposable
{
    private readonly RuntimeMeter _meter;
    private readonly Counter<long> _crashes;
    private readonly Counter<long> _restarts;

    public SupervisionMetrics(IMeterFactory? factory)
    {
        _meter = new RuntimeMeter(factory);
        _crashes = _meter.Meter.CreateCounter<long>(TelemetryNames.EngineCrashes, "{crash}", "Engine crashes by pool and reason.");
        _restarts = _meter.Meter.CreateCounter<long>(TelemetryNames.EngineRestarts, "{restart}", "Engine restarts by pool.");
    }

    public void Crash(string poolId, CrashReason reason) => _crashes.Add(
        1,
        new KeyValuePair<string, object?>(TelemetryNames.PoolTag, poolId),
        new KeyValuePair<string, object?>(TelemetryNames.CrashReasonTag, CrashReasonNames.GetName(reason)));

    public void Restart(string poolId) => _restarts.Add(1, new KeyValuePair<string, object?>(TelemetryNames.PoolTag, poolId));

    public void Dispose()
    {
        _meter.Dispose();
    }
}
