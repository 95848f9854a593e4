using System.Diagnostics.Metrics;

namespace Steps.Drivers;

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
