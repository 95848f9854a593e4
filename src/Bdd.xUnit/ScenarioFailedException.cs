namespace Bdd.xUnit;

/// <summary>
/// A scenario did not pass (failed, pending, undefined or ambiguous step). <see cref="Exception.Message"/> is the
/// engine's result message (the step, the feature uri and line, then the error, the snippet to implement or the
/// ambiguous bindings); <see cref="Exception.InnerException"/> is the step's own exception, when there is one.
/// </summary>
public sealed class ScenarioFailedException : Exception
{
    /// <summary>With the result message.</summary>
    public ScenarioFailedException(string message) : base(message) { }

    /// <summary>With the default message "Scenario failed".</summary>
    public ScenarioFailedException() : base("Scenario failed") { }

    /// <summary>With the result message and the step's exception (null when there is none).</summary>
    public ScenarioFailedException(string message, Exception? innerException) : base(message, innerException) { }
}
