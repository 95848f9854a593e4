namespace LivingDoc.Model;

/// <summary>One step's result: its status and, for a failure, the message.</summary>
internal sealed record StepOutcome(DocStatus Status, string? Message);

/// <summary>
/// The result of one pickle in the run: its status (the worst of its steps), duration, the first failure message,
/// each step's outcome by its Gherkin step id, and the text attachments (the step log).
/// </summary>
internal sealed record PickleOutcome(
    DocStatus Status,
    TimeSpan Duration,
    string? Message,
    IReadOnlyDictionary<string, StepOutcome> Steps,
    IReadOnlyList<string> Attachments);
