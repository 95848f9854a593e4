namespace Bdd.Execution;

/// <summary>
/// The outcome of one scenario (one pickle). <see cref="Message"/> is null when it passed; otherwise it names
/// the step (keyword + text), the feature uri and line, then the error. <see cref="Error"/> is the user
/// exception for a failure (unwrapped from TargetInvocationException).
/// </summary>
public sealed record ScenarioResult(ScenarioStatus Status, string? Message, Exception? Error, IReadOnlyList<StepResult> Steps)
{
    /// <summary>
    /// true when the outcome must be reported as a skipped test (pending/undefined with
    /// runtime.missingOrPendingStepsOutcome = Ignore or Inconclusive, or the scenario was skipped).
    /// </summary>
    public bool ShouldSkip { get; init; }
}
