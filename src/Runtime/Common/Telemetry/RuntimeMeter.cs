using System.Diagnostics.Metrics;

namespace Runtime.Common.Telemetry;

/// <summary>
/// The <see cref="TelemetryNames.Meter"/> meter of one component: created by the <see cref="IMeterFactory"/> the
/// component was given (the factory owns it and ends it), or a private meter that disposing this ends.
/// </summary>
internal sealed class RuntimeMeter(IMeterFactory? factory) : IDisposable
{
    private readonly bool _owned = factory is null;

    /// <summary>The meter to create instruments on.</summary>
    public Meter Meter { get; } = factory?.Create(new MeterOptions(TelemetryNames.Meter)) ?? new Meter(new MeterOptions(TelemetryNames.Meter));

    /// <summary>Ends the meter when it is private; a factory's meter outlives the component.</summary>
    public void Dispose()
    {
        if (_owned)
        {
            Meter.Dispose();
        }
    }
}
