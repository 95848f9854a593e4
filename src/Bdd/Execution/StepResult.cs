namespace Bdd.Execution;

/// <summary>
/// The outcome of one step: its keyword as written ("Given ", "And "), its text, its 1-based line in
/// the feature file, its status, how long it ran (zero when not run) and a message for non-passed steps.
/// </summary>
public sealed record StepResult(string Keyword, string Text, int Line, ScenarioStatus Status, TimeSpan Duration, string? Message);
