using System.Diagnostics.Metrics;

namespace Runtime.Tests.Support;

/// <summary>
/// A minimal <see cref="IMeterFactory"/>: every meter it creates has this factory as its scope, so an
/// <see cref="InstrumentRecorder"/> listens to the meters of one test only, whatever runs in parallel.
/// </summary>
public sealed class ScopedMeterFactory : IMeterFactory
{
    private readonly Dictionary<string, Meter> _meters = [];

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
        lock (_meters)
        {
            foreach (var meter in _meters.Values)
            {
                meter.Dispose();
            }

            _meters.Clear();
        }
    }
}
