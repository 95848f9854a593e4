namespace Runtime.Supervision.Drain;

/// <summary>How a drain ended.</summary>
public enum DrainStatus
{
    /// <summary>Every lease was released before the deadline.</summary>
    Completed,

    /// <summary>The deadline passed; the engine was force-stopped and the remaining leases abandoned (<see cref="DrainMode.StopEngine"/>).</summary>
    ForceStopped,

    /// <summary>The deadline passed; the pool is ready again on its engine (<see cref="DrainMode.KeepEngine"/>).</summary>
    TimedOut,
}
