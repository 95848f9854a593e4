using System.Diagnostics.Metrics;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Common.Telemetry;

namespace ManagerHost.Service;

/// <summary>
/// Reads each pool's restart circuit from the runtime's <c>runtime.circuit_breaker.state</c> gauge (of this manager's meters
/// only), the one public view of it: the supervisor does not expose its breakers. A pool whose supervisor has not
/// been created yet has no gauge: its circuit is closed.
/// </summary>
internal sealed class CircuitReader : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly object _lock = new();
    private readonly Dictionary<string, CircuitState> _states = new(StringComparer.Ordinal);

    public CircuitReader(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TelemetryNames.Meter && instrument.Name == TelemetryNames.CircuitState
                && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((_, value, tags, _) =>
        {
            string? pool = null;
            foreach (var tag in tags)
            {
                pool = tag.Key == "pool" ? tag.Value as string : pool;
            }

            if (pool is not null)
            {
                var state = (CircuitState)value;
                // A pool's overall circuit: open if any circuit is, else half-open if any is, else closed.
                _states[pool] = _states.TryGetValue(pool, out var seen) && Rank(seen) > Rank(state) ? seen : state;
            }
        });
        _listener.Start();
    }

    /// <summary>Every pool's circuit now, by pool id.</summary>
    public IReadOnlyDictionary<string, CircuitState> Read()
    {
        lock (_lock)
        {
            _states.Clear();
            _listener.RecordObservableInstruments();
            return new Dictionary<string, CircuitState>(_states, StringComparer.Ordinal);
        }
    }

    public void Dispose() => _listener.Dispose();

    private static int Rank(CircuitState state) => state switch
    {
        CircuitState.Open => 2,
        CircuitState.HalfOpen => 1,
        _ => 0,
    };
}
