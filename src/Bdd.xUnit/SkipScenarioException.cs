namespace Bdd.xUnit;

/// <summary>
/// Thrown by <see cref="ScenarioExecutor"/> when a scenario must be reported as skipped (a pending or undefined
/// step under <c>missingOrPendingStepsOutcome: Ignore/Inconclusive</c>, or a scenario the engine skipped).
/// Scenario test cases turn it into an xUnit "skipped" result whose reason is <see cref="Exception.Message"/>.
/// </summary>
public sealed class SkipScenarioException : Exception
{
    /// <summary>With the skip reason shown by the test runner.</summary>
    public SkipScenarioException(string reason) : base(reason) { }

    /// <summary>With the default reason "Scenario skipped".</summary>
    public SkipScenarioException() : base("Scenario skipped") { }

    /// <summary>With a reason and the exception that caused the skip.</summary>
    public SkipScenarioException(string reason, Exception innerException) : base(reason, innerException) { }
}
