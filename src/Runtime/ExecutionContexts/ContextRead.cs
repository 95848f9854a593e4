namespace Runtime.ExecutionContexts;

/// <summary>The answer to a tenant reading a context: the value, or a refusal (forbidden to other tenants).</summary>
/// <typeparam name="T">What was read.</typeparam>
public readonly struct ContextRead<T>
{
    internal ContextRead(T value)
    {
        Value = value;
        Outcome = ContextOutcome.Succeeded;
    }

    internal ContextRead(ContextOutcome outcome, string error)
    {
        Value = default;
        Outcome = outcome;
        Error = error;
    }

    /// <summary><see cref="ContextOutcome.Succeeded"/> or <see cref="ContextOutcome.Forbidden"/>.</summary>
    public ContextOutcome Outcome { get; }

    /// <summary>True when the read was allowed.</summary>
    public bool IsGranted => Outcome == ContextOutcome.Succeeded;

    /// <summary>The value read; default when refused.</summary>
    public T? Value { get; }

    /// <summary>Why the read was refused; null when granted.</summary>
    public string? Error { get; }
}
