using Reqnroll;
using Runtime.Supervision.Reload;

namespace Steps.Supervision;

/// <summary>Parameter types of the reload steps: <c>{servingEngine}</c> ("the same", "a new") and <c>{reloadStep}</c>.</summary>
[Binding]
public sealed class ReloadArguments
{
    /// <summary>
    /// The reload steps as the operator names them, with the name a failed reload reports and measures for each (its
    /// message, the <c>reload.step</c> tag of <c>runtime.reload.failures</c>), and, for a failed new engine, the kind of
    /// failure its reason starts with. The exported names are written out here, not read from the runtime: a renamed
    /// step fails the scenarios that name it.
    /// </summary>
    private static readonly Dictionary<string, NamedStep> Steps = new(StringComparer.Ordinal)
    {
        ["the drain deadline"] = new(ReloadStep.Drain, "drain_timeout", ""),
        ["the drain"] = new(ReloadStep.Drain, "drain_timeout", ""),
        ["staging the model"] = new(ReloadStep.Stage, "stage", ""),
        ["stopping the old engine"] = new(ReloadStep.StopOld, "stop_old", ""),
        ["starting the new engine"] = new(ReloadStep.StartNew, "start_new", ""),
        ["the new engine's health check"] = new(ReloadStep.HealthCheck, "health_check", "startup_failure: "),
        ["writing the handoff file"] = new(ReloadStep.Handoff, "handoff", ""),
        ["the switch to the new engine"] = new(ReloadStep.Switch, "switch", ""),
        ["the old engine's drain"] = new(ReloadStep.DrainOld, "drain_old", ""),
    };

    /// <summary>"a new" → <see cref="ServingEngine.New"/>, "the same" → <see cref="ServingEngine.Same"/>.</summary>
    [StepArgumentTransformation("(the same|a new)", Name = "servingEngine")]
    public ServingEngine ToServingEngine(string text) => text == "a new" ? ServingEngine.New : ServingEngine.Same;

    /// <summary>"drain-first" → <see cref="ReloadStrategy.DrainFirst"/>, "surge" → <see cref="ReloadStrategy.Surge"/>.</summary>
    [StepArgumentTransformation("(drain-first|surge)", Name = "reloadStrategy")]
    public ReloadStrategy ToStrategy(string text) => text == "surge" ? ReloadStrategy.Surge : ReloadStrategy.DrainFirst;

    /// <summary>A reload step as the operator names it ("staging the model", "the new engine's health check", ...).</summary>
    [StepArgumentTransformation("(the drain deadline|staging the model|stopping the old engine|starting the new engine|the new engine's health check|writing the handoff file|the switch to the new engine|the old engine's drain)", Name = "reloadStep")]
    public NamedStep ToReloadStep(string text) => Step(text);

    /// <summary>The reload step named <paramref name="text"/> (one of the names of the <c>reloadStep</c> parameter type).</summary>
    public static NamedStep Step(string text) =>
        Steps.TryGetValue(text, out var step) ? step : throw new ArgumentException($"'{text}' names no reload step: {string.Join(", ", Steps.Keys)}", nameof(text));
}

/// <summary>A reload step, the name a failed reload reports for it, and what a failed new engine's reason starts with.</summary>
/// <param name="Step">The step.</param>
/// <param name="Name">Its name in a failed reload's message and in the failure counter's tag.</param>
/// <param name="Cause">What the reason of a failure at this step starts with (the kind of engine failure), or empty.</param>
public sealed record NamedStep(ReloadStep Step, string Name, string Cause)
{
    /// <summary>The message of a reload of <paramref name="pool"/> that failed at this step because of <paramref name="because"/>.</summary>
    public string FailureOf(string pool, string because) => $"reload of pool {pool} failed at {Name}: {Cause}{because}";

    /// <inheritdoc />
    public override string ToString() => Step.ToString();
}

/// <summary>Which engine process serves a pool after a failed reload, compared with the one before it.</summary>
public enum ServingEngine
{
    /// <summary>The engine that served before the reload still serves (it was never stopped).</summary>
    Same,

    /// <summary>A new engine process serves (the old one was stopped and the old model started again).</summary>
    New,
}
