namespace Bdd;

/// <summary>
/// The current step of a scenario. One instance per scenario, updated before each step, so it can be
/// injected into binding classes and read from hooks (BeforeStep/AfterStep see the step they surround).
/// </summary>
public sealed class ScenarioStepContext
{
    internal ScenarioStepContext() { }

    /// <summary>The current step, or null before the first step.</summary>
    public StepInfo? StepInfo { get; internal set; }

    /// <summary>The current step's status (OK while it runs).</summary>
    public ScenarioExecutionStatus Status { get; internal set; }

    /// <summary>The current step's error, or null.</summary>
    public Exception? TestError { get; internal set; }
}
