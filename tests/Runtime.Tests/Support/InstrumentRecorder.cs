using System.Diagnostics.Metrics;

namespace Runtime.Tests.Support;

/// <summary>
/// Listens, through a <see cref="MeterListener"/>, to the instruments of the meters created by one
/// <see cref="ScopedMeterFactory"/> and keeps every measurement (value and tags).
/// </summary>
public sealed class InstrumentRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<RecordedMeasurement> _measurements = [];

    /// <summary>Starts listening to instruments whose meter has <paramref name="scope"/> as its scope.</summary>
    public InstrumentRecorder(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    /// <summary>The measurements of instrument <paramref name="name"/> so far (observable ones after <see cref="Observe"/>).</summary>
    public IReadOnlyList<RecordedMeasurement> For(string name)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == name).ToList();
        }
    }

    /// <summary>Reads every observable instrument now and returns the new measurements of <paramref name="name"/>.</summary>
    public IReadOnlyList<RecordedMeasurement> Observe(string name)
    {
        int before;
        lock (_measurements)
        {
            before = _measurements.Count;
        }

        _listener.RecordObservableInstruments();
        lock (_measurements)
        {
            return _measurements.Skip(before).Where(m => m.Instrument == name).ToList();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add(new RecordedMeasurement(instrument.Name, value, copy));
        }
    }
}

/// <summary>One measurement: instrument name, value and tags.</summary>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    /// <summary>The value of tag <paramref name="key"/> as a string (null when absent).</summary>
    public string? Tag(string key) => Tags.TryGetValue(key, out var v) ? v?.ToString() : null;
}
