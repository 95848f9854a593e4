namespace Runtime.ExecutionContexts;

/// <summary>The life of a <see cref="ModelContext"/>: Active ⇄ Faulted, then Disposed for good.</summary>
public enum ContextState
{
    /// <summary>Accepts requests.</summary>
    Active = 0,

    /// <summary>Its backend failed; refuses requests with <see cref="ContextOutcome.ContextFaulted"/> until <see cref="ModelContext.Reset"/>.</summary>
    Faulted = 1,

    /// <summary>Disposed: refuses everything; its budget, counters and trace subscription are released.</summary>
    Disposed = 2,
}
