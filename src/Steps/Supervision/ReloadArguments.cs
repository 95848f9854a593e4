using Reqnroll;

namespace Steps.Supervision;

/// <summary>Parameter type of the rollback steps: <c>{servingEngine}</c> ("the same", "a new").</summary>
[Binding]
public sealed class ReloadArguments
{
    /// <summary>"a new" → <see cref="ServingEngine.New"/>, "the same" → <see cref="ServingEngine.Same"/>.</summary>
    [StepArgumentTransformation("(the same|a new)", Name = "servingEngine")]
    public ServingEngine ToServingEngine(string text) => text == "a new" ? ServingEngine.New : ServingEngine.Same;
}

/// <summary>Which engine process serves a pool after a failed reload, compared with the one before it.</summary>
public enum ServingEngine
{
    /// <summary>The engine that served before the reload still serves (it was never stopped).</summary>
    Same,

    /// <summary>A new engine process serves (the old one was stopped and the old model started again).</summary>
    New,
}
