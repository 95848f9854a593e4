namespace Runtime.ExecutionContexts.Tracing;

/// <summary>Defaults of <see cref="TraceCollectorOptions"/>.</summary>
public static class TraceDefaults
{
    /// <summary>Events kept before the oldest are dropped: 1,024.</summary>
    public const int Capacity = 1024;
}
