using System.Diagnostics.Metrics;
using Runtime.Common.Telemetry;

namespace Runtime.Supervision.CircuitBreaker;

/// <summary>The breaker's instruments on the <see cref="TelemetryNames.Meter"/> meter.</summary>
/// <remarks>
/// With an <see cref="IMeterFactory"/> the meter belongs to the factory (its scope), so a listener can keep to the
/// instruments of one factory; without one the breaker owns a private meter and disposes it. The state gauge is
/// created per breaker, so each pool's gauge reports only its own circuits.
/// </remarks>
internal sealed class CircuitBreakerMetrics : IDisposable
{
    private readonly RuntimeMeter _meter;
    private readonly Counter<long> _opened;
    private readonly KeyValuePair<string, object?> _pool;

    public CircuitBreakerMetrics(string poolId, IMeterFactory? meterFactory, Func<IEnumerable<Measurement<int>>> readStates)
    {
        _pool = new(TelemetryNames.PoolTag, poolId);
        _meter = new RuntimeMeter(meterFactory);
        _opened = _meter.Meter.CreateCounter<long>(TelemetryNames.CircuitOpenings, "{open}", "Transitions of a pool's restart circuit to open.");
        _meter.Meter.CreateObservableGauge(TelemetryNames.CircuitState, readStates, "{state}",
            "State of a pool's restart circuit: 0 closed, 1 open, 2 half-open.");
    }

    public Measurement<int> StateMeasurement(string circuit, CircuitState state) =>
        new((int)state, _pool, new(TelemetryNames.CircuitTag, circuit));

    public void Opened(string circuit) => _opened.Add(1, _pool, new(TelemetryNames.CircuitTag, circuit));

    public void Dispose()
    {
        _meter.Dispose();
    }
}
