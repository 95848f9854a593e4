namespace Runtime.ExecutionContexts.Budgets;

/// <summary>The resource a budget decision is about.</summary>
public enum BudgetResource
{
    /// <summary>No resource: the decision granted everything asked.</summary>
    None = 0,

    /// <summary>Memory, in bytes.</summary>
    Memory,

    /// <summary>Requests in flight at once.</summary>
    ConcurrentRequests,

    /// <summary>Requests over the budget's lifetime.</summary>
    TotalRequests,
}
