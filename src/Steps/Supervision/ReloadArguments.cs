using Reqnroll;
using Runtime.Supervision.Reload;

namespace Steps.Supervision;

/// <summary>Parameter type of the rollback steps: <c>{servingEngine}</c> ("the same", "a new").</summary>
[Binding]
public sealed class ReloadArguments
{
    /// <summary>"a new" → <see cref="ServingEngine.New"/>, "the same" → <see cref="ServingEngine.Same"/>.</summary>
    [StepArgumentTransformation("(the same|a new)", Name = "servingEngine")]
    public ServingEngine ToServingEngine(string text) => text == "a new" ? ServingEngine.New : ServingEngine.Same;

    /// <summary>A reload step as the operator names it ("staging the model", "the new engine's health check", ...).</summary>
    [StepArgumentTransformation("(the drain deadline|staging the model|stopping the old engine|starting the new engine|the new engine's health check|writing the handoff file)", Name = "reloadStep")]
    public ReloadStep ToReloadStep(string text) => Step(text);

    /// <summary>The reload step named <paramref name="text"/> (one of the names of the <c>reloadStep</c> parameter type).</summary>
    public static ReloadStep Step(string text) => text switch
    {
        "the drain deadline" => ReloadStep.Drain,
        "staging the model" => ReloadStep.Stage,
        "stopping the old engine" => ReloadStep.StopOld,
        "starting the new engine" => ReloadStep.StartNew,
        "the new engine's health check" => ReloadStep.HealthCheck,
        _ => ReloadStep.Handoff,
    };
}

/// <summary>Which engine process serves a pool after a failed reload, compared with the one before it.</summary>
public enum ServingEngine
{
    /// <summary>The engine that served before the reload still serves (it was never stopped).</summary>
    Same,

    /// <summary>A new engine process serves (the old one was stopped and the old model started again).</summary>
    New,
}
