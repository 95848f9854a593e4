namespace Runtime.ExecutionContexts.Budgets;

/// <summary>A point-in-time reading of a budget's usage. Exact when no allocation is in flight.</summary>
/// <param name="BytesInUse">Memory allocated and not yet released, in bytes.</param>
/// <param name="PeakBytes">The highest <paramref name="BytesInUse"/> ever reached, in bytes.</param>
/// <param name="ConcurrentRequests">Requests in flight.</param>
/// <param name="TotalRequests">Requests admitted over the budget's lifetime.</param>
public readonly record struct BudgetSnapshot(long BytesInUse, long PeakBytes, int ConcurrentRequests, long TotalRequests);
