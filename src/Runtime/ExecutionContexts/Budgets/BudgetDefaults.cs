namespace Runtime.ExecutionContexts.Budgets;

/// <summary>Default limits of a <see cref="BudgetLimits"/> when only the memory is given.</summary>
public static class BudgetDefaults
{
    /// <summary>Requests a budget admits at once by default: 64.</summary>
    public const int ConcurrentRequests = 64;

    /// <summary>Requests a budget admits over its lifetime by default: unlimited (<see cref="long.MaxValue"/>).</summary>
    public const long TotalRequests = long.MaxValue;
}
