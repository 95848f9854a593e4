namespace Runtime.ExecutionContexts.Tracing;

/// <summary>Options of a <see cref="TraceCollector"/>.</summary>
public sealed class TraceCollectorOptions
{
    /// <summary>Events kept; when full, each new event drops the oldest (counted). Default <see cref="TraceDefaults.Capacity"/>; must be &gt; 0. A power of two is fastest.</summary>
    public int Capacity { get; set; } = TraceDefaults.Capacity;

    /// <summary>Where event times come from; null means <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    internal void Validate()
    {
        if (Capacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, "The trace capacity must be greater than zero events.");
        }
    }
}
