using System.Diagnostics.Metrics;
using Runtime.Crashes;

namespace Runtime.Supervision;

/// <summary>Crash and restart counters on the <c>Runtime.Supervision</c> meter.</summary>
internal sealed class SupervisionMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _crashes;
    private readonly Counter<long> _restarts;

    public SupervisionMetrics(IMeterFactory? factory)
    {
        var options = new MeterOptions(SupervisionDefaults.MeterName);
        _ownsMeter = factory is null;
        _meter = factory?.Create(options) ?? new Meter(options);
        _crashes = _meter.CreateCounter<long>(SupervisionDefaults.CrashCounterName, "{crash}", "Engine crashes by pool and reason.");
        _restarts = _meter.CreateCounter<long>(SupervisionDefaults.RestartCounterName, "{restart}", "Engine restarts by pool.");
    }

    public void Crash(string poolId, CrashReason reason) => _crashes.Add(
        1,
        new KeyValuePair<string, object?>(SupervisionDefaults.PoolTag, poolId),
        new KeyValuePair<string, object?>(SupervisionDefaults.ReasonTag, CrashReasonNames.GetName(reason)));

    public void Restart(string poolId) => _restarts.Add(1, new KeyValuePair<string, object?>(SupervisionDefaults.PoolTag, poolId));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
