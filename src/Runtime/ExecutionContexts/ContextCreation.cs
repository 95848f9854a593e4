namespace Runtime.ExecutionContexts;

/// <summary>The answer to a creation: the new context, or why there is none with a message naming the limit.</summary>
public readonly struct ContextCreation
{
    internal ContextCreation(ModelContext context)
    {
        Context = context;
    }

    internal ContextCreation(ContextCreationError error, string message)
    {
        Error = error;
        Message = message;
    }

    /// <summary>True when <see cref="Context"/> was created.</summary>
    public bool IsCreated => Context is not null;

    /// <summary>The new context; null when refused.</summary>
    public ModelContext? Context { get; }

    /// <summary>Why it was refused; <see cref="ContextCreationError.None"/> when created.</summary>
    public ContextCreationError Error { get; }

    /// <summary>The refusal in a sentence; null when created.</summary>
    public string? Message { get; }

    /// <inheritdoc />
    public override string ToString() => IsCreated ? $"created {Context!.Id}" : $"{Error}: {Message}";
}
