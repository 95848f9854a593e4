namespace Runtime.ExecutionContexts.Tracing;

/// <summary>What happened to a context.</summary>
public enum TraceEventKind
{
    /// <summary>The context was created.</summary>
    Created = 1,

    /// <summary>A request ran to success.</summary>
    Executed,

    /// <summary>A request or allocation was refused by the budget.</summary>
    BudgetExceeded,

    /// <summary>The backend failed: the context turned faulted.</summary>
    Faulted,

    /// <summary>A request was refused because the context is faulted.</summary>
    RefusedWhileFaulted,

    /// <summary>The faulted context was reset to active.</summary>
    Reset,

    /// <summary>Another tenant's attempt to use the context was refused.</summary>
    Forbidden,

    /// <summary>A child context was created from this one.</summary>
    ChildCreated,

    /// <summary>A child context of this one turned faulted.</summary>
    ChildFaulted,

    /// <summary>The context was disposed.</summary>
    Disposed,

    /// <summary>A request was refused because the backend could not take it (e.g. a draining pool).</summary>
    BackendUnavailable,
}
