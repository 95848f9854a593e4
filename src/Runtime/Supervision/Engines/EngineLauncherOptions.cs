namespace Runtime.Supervision.Engines;

/// <summary>Options of <see cref="EngineLauncher"/>. Defaults in <see cref="EngineDefaults"/>.</summary>
public sealed class EngineLauncherOptions
{
    /// <summary>The clock for start times, output time stamps and stop grace periods. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How long <see cref="EngineLauncher.Dispose"/> waits for killed children (real time). Default 5 s.</summary>
    public TimeSpan DisposeWait { get; set; } = EngineDefaults.DisposeWait;

    /// <summary>
    /// Bounds the wait for the rest of an ended engine's output when neither its end of file nor the marker behind it
    /// (<see cref="OutputEnd"/>) can tell (real time). Default <see cref="EngineDefaults.OutputDrainLimit"/>; tests
    /// lengthen it to show that the marker, not the bound, ends the wait.
    /// </summary>
    internal TimeSpan OutputDrainLimit { get; set; } = EngineDefaults.OutputDrainLimit;

    /// <summary>
    /// True (the default): the kernel ends every engine when this process ends, even by <c>kill -9</c>, through
    /// the parent-death signal (util-linux's <c>setpriv</c> must be installed, or starting an engine fails saying so).
    /// False: the launcher still kills its engines when it is disposed or this process exits normally (since .NET 10 a
    /// SIGTERM ends the process normally only when the application handles it, as the generic host does); a process
    /// killed by SIGKILL leaves running every engine that does not watch its parent itself.
    /// </summary>
    public bool KillEnginesWithOwner { get; set; } = true;

    /// <summary>Checks the options once; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        Runtime.Common.Time.TimerLimits.Check(DisposeWait, "EngineLauncherOptions.DisposeWait");
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
        if (DisposeWait <= TimeSpan.Zero)
        {
            throw new ArgumentException($"EngineLauncherOptions.DisposeWait must be positive, got {DisposeWait}.", nameof(DisposeWait));
        }
    }
}
