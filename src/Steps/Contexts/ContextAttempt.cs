using Runtime.ExecutionContexts;

namespace Steps.Contexts;

/// <summary>What a "When ... attempts to ..." step captured, for the Then step to judge.</summary>
/// <param name="Verdict">Granted, refused or forbidden.</param>
/// <param name="Message">The refusal message; null when granted.</param>
/// <param name="Input">For bad input: the refused parameter's name.</param>
public sealed record ContextAttempt(AttemptVerdict Verdict, string? Message, string? Input = null)
{
    /// <summary>The attempt a context answer stands for.</summary>
    public static ContextAttempt From(ContextOutcome outcome, string? error) => outcome switch
    {
        ContextOutcome.Succeeded => new(AttemptVerdict.Granted, null),
        ContextOutcome.Forbidden => new(AttemptVerdict.Forbidden, error),
        _ => new(AttemptVerdict.Refused, error),
    };

    /// <summary>The attempt a creation answer stands for.</summary>
    public static ContextAttempt From(ContextCreation creation) =>
        creation.IsCreated ? new(AttemptVerdict.Granted, null) : new(AttemptVerdict.Refused, creation.Message);

    /// <summary>Bad input refused by an <see cref="ArgumentException"/>: the rule without the parameter suffix.</summary>
    public static ContextAttempt From(ArgumentException refusal)
    {
        var message = refusal.Message;
        var suffix = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return new(AttemptVerdict.Refused, suffix < 0 ? message : message[..suffix], refusal.ParamName);
    }
}
