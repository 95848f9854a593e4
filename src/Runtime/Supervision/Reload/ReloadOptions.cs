using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Runtime.Supervision.Reload;

/// <summary>Options of <see cref="ReloadCoordinator"/>.</summary>
public sealed class ReloadOptions
{
    /// <summary>The clock of durations. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Directory of handoff files (<c>{pool}.handoff.json</c>); null (the default) writes none.</summary>
    public string? HandoffDirectory { get; set; }

    /// <summary>Model staging; default <see cref="NoModelProvisioner"/>.</summary>
    public IModelProvisioner? Provisioner { get; set; }

    /// <summary>Makes the loggers, one category per component type (<c>Runtime.Supervision.Drain.DrainCoordinator</c>, ...); none when null.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Creates the <c>Runtime</c> meter (<see cref="Runtime.Common.Telemetry.TelemetryNames"/>); a private meter when null.</summary>
    public IMeterFactory? MeterFactory { get; set; }

    /// <summary>Checks the options once.</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (HandoffDirectory is { } dir && string.IsNullOrWhiteSpace(dir))
        {
            throw new ArgumentException("ReloadOptions.HandoffDirectory must be null or a directory path, got an empty string.", nameof(HandoffDirectory));
        }
    }
}
