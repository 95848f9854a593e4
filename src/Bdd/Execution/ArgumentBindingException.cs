namespace Bdd.Execution;

/// <summary>A step's arguments cannot be passed to its step definition (no table parameter, conversion failure).</summary>
public sealed class ArgumentBindingException : Exception
{
    /// <summary>With a message naming the step definition and the problem.</summary>
    public ArgumentBindingException(string message) : base(message) { }
}
