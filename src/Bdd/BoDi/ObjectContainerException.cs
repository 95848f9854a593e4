namespace Bdd.BoDi;

/// <summary>An object cannot be resolved (interface without registration, primitive parameter, cycle).</summary>
public sealed class ObjectContainerException : Exception
{
    /// <summary>With a message naming the type and the resolution path.</summary>
    public ObjectContainerException(string message) : base(message) { }

    /// <summary>With a message and the constructor's exception.</summary>
    public ObjectContainerException(string message, Exception innerException) : base(message, innerException) { }
}
