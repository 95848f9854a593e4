namespace Runtime.ExecutionContexts;

/// <summary>Why a context was not created (expected refusals; bad input throws instead).</summary>
public enum ContextCreationError
{
    /// <summary>Created.</summary>
    None = 0,

    /// <summary>The tenant already has <see cref="ContextFactoryOptions.MaxContextsPerTenant"/> live contexts.</summary>
    TenantLimitReached,

    /// <summary>The child's budget is more than the parent has left.</summary>
    ParentBudgetInsufficient,

    /// <summary>The parent is faulted or disposed.</summary>
    ParentNotActive,

    /// <summary>The factory is disposed.</summary>
    FactoryDisposed,

    /// <summary>The model's backend failed to connect too many times in a row: creations fail fast until its cool-down passes.</summary>
    BackendCircuitOpen,

    /// <summary>Connecting the model's backend failed (the message says why); the failure counts towards its circuit.</summary>
    BackendUnavailable,
}
