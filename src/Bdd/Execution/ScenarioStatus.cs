namespace Bdd.Execution;

/// <summary>The outcome of a step or a scenario, named after Cucumber's test step statuses.</summary>
public enum ScenarioStatus
{
    /// <summary>Ran without error.</summary>
    Passed,
    /// <summary>A step or hook threw.</summary>
    Failed,
    /// <summary>A step threw <see cref="PendingStepException"/> (or called ScenarioContext.Pending()).</summary>
    Pending,
    /// <summary>No step definition matched the step text.</summary>
    Undefined,
    /// <summary>More than one step definition matched the step text.</summary>
    Ambiguous,
    /// <summary>Not run: an earlier step did not pass, or the run stopped at a first error.</summary>
    Skipped,
}
