namespace LivingDoc.Model;

/// <summary>One step's result: its status and, for a failure, the message.</summary>
internal sealed record StepOutcome(DocStatus Status, string? Message);

/// <summary>A line of a scenario's step log: a step (or a hook) with its status and duration, or an attachment's text.</summary>
internal sealed record LogLine(string Text, DocStatus? Status, TimeSpan Duration, string? Message);

/// <summary>
/// The result of one pickle in the run: its status (the worst of its steps), duration, the first failure message,
/// each step's outcome by its Gherkin step id, the text attachments, and the step log in the order things ran.
/// </summary>
internal sealed record PickleOutcome(
    DocStatus Status,
    TimeSpan Duration,
    string? Message,
    IReadOnlyDictionary<string, StepOutcome> Steps,
    IReadOnlyList<string> Attachments)
{
    /// <summary>The step log: every step and hook that ran, with the attachments each one made.</summary>
    public IReadOnlyList<LogLine> Log { get; init; } = [];
}
