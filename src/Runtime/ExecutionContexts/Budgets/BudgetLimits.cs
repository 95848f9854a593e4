namespace Runtime.ExecutionContexts.Budgets;

/// <summary>
/// The limits of a resource budget: memory in bytes, requests in flight at once, and requests over the
/// budget's lifetime. Immutable; validated on construction.
/// </summary>
/// <remarks>
/// Rules: every limit is strictly positive. A limit is inclusive: a budget of 1,024 bytes admits
/// allocations summing to exactly 1,024 bytes and refuses the 1,025th byte.
/// </remarks>
public sealed class BudgetLimits
{
    /// <summary>Creates limits.</summary>
    /// <param name="memoryBytes">Memory in bytes; must be &gt; 0.</param>
    /// <param name="concurrentRequests">Requests in flight at once; must be &gt; 0 (default <see cref="BudgetDefaults.ConcurrentRequests"/>).</param>
    /// <param name="totalRequests">Requests over the lifetime; must be &gt; 0 (default <see cref="BudgetDefaults.TotalRequests"/>, unlimited).</param>
    /// <exception cref="ArgumentOutOfRangeException">When a limit is zero or negative; the parameter name says which.</exception>
    public BudgetLimits(long memoryBytes, int concurrentRequests = BudgetDefaults.ConcurrentRequests, long totalRequests = BudgetDefaults.TotalRequests)
    {
        if (memoryBytes <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(memoryBytes), memoryBytes, "The memory limit must be greater than zero bytes.");
        }

        if (concurrentRequests <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(concurrentRequests), concurrentRequests, "The concurrent request limit must be greater than zero.");
        }

        if (totalRequests <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(totalRequests), totalRequests, "The total request limit must be greater than zero.");
        }

        MemoryBytes = memoryBytes;
        ConcurrentRequests = concurrentRequests;
        TotalRequests = totalRequests;
    }

    /// <summary>Memory in bytes, inclusive.</summary>
    public long MemoryBytes { get; }

    /// <summary>Requests in flight at once, inclusive.</summary>
    public int ConcurrentRequests { get; }

    /// <summary>Requests over the budget's lifetime, inclusive; <see cref="long.MaxValue"/> means unlimited.</summary>
    public long TotalRequests { get; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{ByteSize.Format(MemoryBytes)}, {ConcurrentRequests} concurrent, {(TotalRequests == long.MaxValue ? "unlimited" : TotalRequests.ToString(System.Globalization.CultureInfo.InvariantCulture))} total requests";
}
