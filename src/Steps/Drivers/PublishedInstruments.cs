using System.Diagnostics.Metrics;

namespace Steps.Drivers;

/// <summary>
/// What an operator's dashboard reads of the runtime's instruments: an <see cref="IMeterFactory"/> whose meters have
/// it as their scope, and, once <see cref="Read"/> is called, a <see cref="MeterListener"/> that collects every
/// instrument those meters publish (name, kind, unit, description, advised buckets). Instruments of other scenarios'
/// meters, on the same meter name, are left out.
/// </summary>
public sealed class PublishedInstruments : IMeterFactory
{
    private readonly List<Meter> _meters = [];
    private readonly Dictionary<string, PublishedInstrument> _published = new(StringComparer.Ordinal);
    private MeterListener? _listener;

    /// <summary>The instruments read, by name; empty before <see cref="Read"/>.</summary>
    public IReadOnlyDictionary<string, PublishedInstrument> ByName
    {
        get
        {
            lock (_published)
            {
                return new Dictionary<string, PublishedInstrument>(_published, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Connects a listener, which is told of every instrument created so far on this factory's meters.</summary>
    public void Read()
    {
        _listener ??= new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, this))
                {
                    lock (_published)
                    {
                        _published[instrument.Name] = PublishedInstrument.Of(instrument);
                    }
                }
            },
        };
        _listener.Start();
    }

    /// <inheritdoc />
    public Meter Create(MeterOptions options)
    {
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        lock (_meters)
        {
            _meters.Add(meter);
        }

        return meter;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _listener?.Dispose();
        lock (_meters)
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }

            _meters.Clear();
        }
    }
}

/// <summary>One published instrument as a dashboard sees it.</summary>
/// <param name="Name">The instrument's name (<c>runtime.drain.duration</c>).</param>
/// <param name="Kind">counter, gauge or histogram (another kind by its type's name).</param>
/// <param name="Unit">The unit as OpenTelemetry writes it (<c>s</c>, <c>{restart}</c>).</param>
/// <param name="Description">What it measures: the help text an exporter shows.</param>
/// <param name="Buckets">The bucket boundaries a histogram advises; null when none.</param>
public sealed record PublishedInstrument(string Name, string Kind, string? Unit, string? Description, IReadOnlyList<double>? Buckets)
{
    /// <summary>
    /// The name OpenTelemetry's Prometheus exporter shows (docs/metrics.md): dots become underscores, a unit of
    /// seconds appends <c>_seconds</c> (a unit in braces appends nothing), a counter appends <c>_total</c>.
    /// </summary>
    public string PrometheusName =>
        Name.Replace('.', '_') + (Unit == "s" ? "_seconds" : "") + (Kind == "counter" ? "_total" : "");

    internal static PublishedInstrument Of(Instrument instrument)
    {
        var type = instrument.GetType();
        var kind = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        var name = kind == typeof(Counter<>) ? "counter"
            : kind == typeof(ObservableGauge<>) ? "gauge"
            : kind == typeof(Histogram<>) ? "histogram"
            : type.Name;
        var buckets = instrument switch
        {
            Instrument<double> d => d.Advice?.HistogramBucketBoundaries,
            Instrument<long> l => l.Advice?.HistogramBucketBoundaries?.Select(b => (double)b).ToList(),
            _ => null,
        };
        return new PublishedInstrument(instrument.Name, name, instrument.Unit, instrument.Description, buckets);
    }
}
