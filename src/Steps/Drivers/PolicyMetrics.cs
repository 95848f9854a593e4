using System.Diagnostics.Metrics;

namespace Steps.Drivers;

/// <summary>
/// The scenario's view of the <c>Runtime.Supervision</c> instruments: an <see cref="IMeterFactory"/> whose meters
/// have it as their scope, and a <see cref="MeterListener"/> that keeps only the measurements of those meters, and
/// what each of their instruments publishes of itself (<see cref="Published"/>).
/// Scenarios running in parallel (all with a pool gpu-0) therefore never see each other's measurements.
/// </summary>
public sealed class PolicyMetrics : IMeterFactory
{
    private readonly Dictionary<string, Meter> _meters = [];
    private readonly List<PolicyMeasurement> _measurements = [];
    private readonly Dictionary<string, PublishedInstrument> _published = new(StringComparer.Ordinal);
    private readonly MeterListener _listener = new();

    /// <summary>Starts listening.</summary>
    public PolicyMetrics()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, this))
            {
                lock (_published)
                {
                    _published[instrument.Name] = PublishedInstrument.Of(instrument);
                }

                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
        _listener.Start();
    }

    /// <summary>The instruments this factory's meters have published so far, by name.</summary>
    public IReadOnlyDictionary<string, PublishedInstrument> Published
    {
        get
        {
            lock (_published)
            {
                return new Dictionary<string, PublishedInstrument>(_published, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Measurements of instrument <paramref name="name"/> for pool <paramref name="pool"/> so far.</summary>
    public IReadOnlyList<PolicyMeasurement> For(string name, string pool)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == name && m.Tag("pool") == pool).ToList();
        }
    }

    /// <summary>Reads the observable gauges now; returns the new measurements of <paramref name="name"/> for <paramref name="pool"/>.</summary>
    public IReadOnlyList<PolicyMeasurement> Observe(string name, string pool)
    {
        int before;
        lock (_measurements)
        {
            before = _measurements.Count;
        }

        _listener.RecordObservableInstruments();
        lock (_measurements)
        {
            return _measurements.Skip(before).Where(m => m.Instrument == name && m.Tag("pool") == pool).ToList();
        }
    }

    /// <inheritdoc />
    public Meter Create(MeterOptions options)
    {
        lock (_meters)
        {
            if (!_meters.TryGetValue(options.Name, out var meter))
            {
                meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
                _meters.Add(options.Name, meter);
            }

            return meter;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _listener.Dispose();
        lock (_meters)
        {
            foreach (var meter in _meters.Values)
            {
                meter.Dispose();
            }

            _meters.Clear();
        }
    }

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        lock (_measurements)
        {
            _measurements.Add(new PolicyMeasurement(instrument.Name, value, copy));
        }
    }
}

/// <summary>One measurement: instrument, value and tags.</summary>
public sealed record PolicyMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    /// <summary>The tag <paramref name="key"/> as text (null when absent).</summary>
    public string? Tag(string key) => Tags.TryGetValue(key, out var v) ? v?.ToString() : null;
}
