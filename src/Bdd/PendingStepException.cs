namespace Bdd;

/// <summary>Thrown by a step that is not implemented yet: the scenario's outcome is Pending.</summary>
public class PendingStepException : Exception
{
    /// <summary>With the default message "One or more step definitions are not implemented yet.".</summary>
    public PendingStepException() : base("One or more step definitions are not implemented yet.") { }

    /// <summary>With a message.</summary>
    public PendingStepException(string message) : base(message) { }

    /// <summary>With a message and an inner exception.</summary>
    public PendingStepException(string message, Exception innerException) : base(message, innerException) { }
}
