using Runtime.Supervision.Crashes;

namespace Runtime.Supervision.RestartLimits;

/// <summary>A restart storm, classified by its dominant crash reason.</summary>
public enum RestartStormKind
{
    /// <summary>Mostly <see cref="CrashReason.OutOfMemory"/>: <c>oom_storm</c>.</summary>
    OutOfMemory,

    /// <summary>Mostly <see cref="CrashReason.DriverError"/>: <c>driver_error_storm</c>.</summary>
    DriverError,

    /// <summary>Any other dominant reason: <c>crash_storm</c>.</summary>
    Crash,
}

/// <summary>Stable names and remediation hints of <see cref="RestartStormKind"/>.</summary>
public static class RestartStormKinds
{
    /// <summary>Stable name of an out-of-memory storm.</summary>
    public const string OomStorm = "oom_storm";

    /// <summary>Stable name of a driver-error storm.</summary>
    public const string DriverErrorStorm = "driver_error_storm";

    /// <summary>Stable name of any other storm.</summary>
    public const string CrashStorm = "crash_storm";

    /// <summary>The kind of storm whose dominant crash reason is <paramref name="dominant"/>.</summary>
    public static RestartStormKind Classify(CrashReason dominant) => dominant switch
    {
        CrashReason.OutOfMemory => RestartStormKind.OutOfMemory,
        CrashReason.DriverError => RestartStormKind.DriverError,
        _ => RestartStormKind.Crash,
    };

    /// <summary>The stable snake_case name: oom_storm, driver_error_storm or crash_storm.</summary>
    public static string GetName(RestartStormKind kind) => kind switch
    {
        RestartStormKind.OutOfMemory => OomStorm,
        RestartStormKind.DriverError => DriverErrorStorm,
        _ => CrashStorm,
    };

    /// <summary>What an operator should do about a storm of this kind.</summary>
    public static string GetRemediation(RestartStormKind kind) => kind switch
    {
        RestartStormKind.OutOfMemory => "reduce the model's memory footprint or batch size, or move it to a device with more memory",
        RestartStormKind.DriverError => "check the accelerator driver and the device's health, then reset or replace the device",
        _ => "read the engine's logs for the repeated failure and fix the model or its configuration",
    };
}
