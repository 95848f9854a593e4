using Bdd.BoDi;

namespace Bdd;

/// <summary>
/// A scenario's bag of values, shared by its steps and hooks (inject it by constructor), with the
/// scenario's <see cref="ScenarioInfo"/>, its status and error so far, and the current step.
/// </summary>
public sealed class ScenarioContext : ReqnrollContext
{
    internal ScenarioContext(ScenarioInfo scenarioInfo, IObjectContainer scenarioContainer)
    {
        ScenarioInfo = scenarioInfo;
        ScenarioContainer = scenarioContainer;
    }

    /// <summary>The scenario's title, tags and example arguments.</summary>
    public ScenarioInfo ScenarioInfo { get; }

    /// <summary>OK until a step or hook does not pass.</summary>
    public ScenarioExecutionStatus ScenarioExecutionStatus { get; internal set; }

    /// <summary>The keyword type of the current step (None before the first step).</summary>
    public ScenarioBlock CurrentScenarioBlock { get; internal set; }

    /// <summary>The current step.</summary>
    public ScenarioStepContext StepContext { get; } = new();

    /// <summary>The scenario's object container (context injection).</summary>
    public IObjectContainer ScenarioContainer { get; }

    /// <summary>Marks the current step as pending: throws <see cref="PendingStepException"/>.</summary>
    public void Pending() => throw new PendingStepException();
}
