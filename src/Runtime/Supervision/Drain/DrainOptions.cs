using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Runtime.Supervision.Drain;

/// <summary>Options of <see cref="DrainCoordinator"/>.</summary>
public sealed class DrainOptions
{
    /// <summary>The clock of the deadline and the duration. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Makes the loggers, one category per component type (<c>Runtime.Supervision.Drain.DrainCoordinator</c>, ...); none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Creates the <c>Runtime</c> meter (<see cref="Runtime.Common.Telemetry.TelemetryNames"/>); a private meter when null.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>Checks the options once.</summary>
    public void Validate() => ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
}
