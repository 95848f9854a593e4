namespace Runtime.ExecutionContexts.Backends;

/// <summary>One request to a model: its input and the working memory it needs while it runs.</summary>
/// <param name="Input">The prompt or payload; passed to the backend as is.</param>
/// <param name="MemoryBytes">Working memory in bytes, reserved from the context's budget for the duration of the request; 0 (default) reserves none.</param>
/// <exception cref="ArgumentOutOfRangeException">When <paramref name="MemoryBytes"/> is negative.</exception>
public readonly record struct ModelRequest(string Input, long MemoryBytes = 0)
{
    /// <summary>Working memory in bytes; never negative.</summary>
    public long MemoryBytes { get; init => field = NotNegative(value); } = NotNegative(MemoryBytes);

    private static long NotNegative(long bytes) => bytes >= 0
        ? bytes
        : throw new ArgumentOutOfRangeException(nameof(MemoryBytes), bytes, "A request's working memory cannot be negative.");
}
