namespace Runtime.ExecutionContexts;

/// <summary>How a context answered a request, an allocation or a read.</summary>
public enum ContextOutcome
{
    /// <summary>Done.</summary>
    Succeeded = 0,

    /// <summary>The backend failed on this request; the context is now faulted.</summary>
    BackendFailed,

    /// <summary>Refused: the context is faulted and has not been reset.</summary>
    ContextFaulted,

    /// <summary>Refused: the budget (of the context or an ancestor) would be exceeded.</summary>
    BudgetExceeded,

    /// <summary>Refused: the caller's tenant does not own the context.</summary>
    Forbidden,

    /// <summary>Refused: the context is disposed.</summary>
    Disposed,

    /// <summary>The caller cancelled the request; not a fault.</summary>
    Canceled,

    /// <summary>Refused: the backend could not take the request (e.g. its pool is draining); not a fault.</summary>
    BackendUnavailable,
}
