using System.Diagnostics.Metrics;

namespace Runtime.CircuitBreaker;

/// <summary>The breaker's instruments on the <see cref="CircuitBreakerConstants.MeterName"/> meter.</summary>
/// <remarks>
/// With an <see cref="IMeterFactory"/> the meter belongs to the factory (its scope), so a listener can keep to the
/// instruments of one factory; without one the breaker owns a private meter and disposes it. The state gauge is
/// created per breaker, so each pool's gauge reports only its own circuits.
/// </remarks>
internal sealed class CircuitBreakerMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _opened;
    private readonly KeyValuePair<string, object?> _pool;

    public CircuitBreakerMetrics(string poolId, IMeterFactory? meterFactory, Func<IEnumerable<Measurement<int>>> readStates)
    {
        _pool = new("pool", poolId);
        var options = new MeterOptions(CircuitBreakerConstants.MeterName);
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(options) ?? new Meter(options);
        _opened = _meter.CreateCounter<long>(CircuitBreakerConstants.OpenCounterName, "{open}", "Transitions of a pool's restart circuit to open.");
        _meter.CreateObservableGauge(CircuitBreakerConstants.StateGaugeName, readStates, "{state}",
            "State of a pool's restart circuit: 0 closed, 1 open, 2 half-open.");
    }

    public Measurement<int> StateMeasurement(string circuit, CircuitState state) =>
        new((int)state, _pool, new("circuit", circuit));

    public void Opened(string circuit) => _opened.Add(1, _pool, new("circuit", circuit));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
