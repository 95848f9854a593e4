using Runtime.ExecutionContexts.Budgets;

namespace Runtime.ExecutionContexts;

/// <summary>
/// The answer of <see cref="ModelContext.ExecuteAsync"/> and <see cref="ModelContext.Allocate"/>:
/// an outcome, the backend's output on success, a message on refusal or failure, and the budget decision.
/// A small struct: the success path allocates nothing (the details of a refusal live in an object made
/// only when something is refused).
/// </summary>
public readonly struct ContextResult
{
    private readonly Refusal? _refusal;

    private ContextResult(ContextOutcome outcome, string? output, Refusal? refusal)
    {
        Outcome = outcome;
        Output = output;
        _refusal = refusal;
    }

    /// <summary>What happened.</summary>
    public ContextOutcome Outcome { get; }

    /// <summary>True when <see cref="Outcome"/> is <see cref="ContextOutcome.Succeeded"/>.</summary>
    public bool IsSuccess => Outcome == ContextOutcome.Succeeded;

    /// <summary>The backend's output on success; otherwise null.</summary>
    public string? Output { get; }

    /// <summary>Why it did not succeed (names the context, and the limit or the fault); null on success.</summary>
    public string? Error => _refusal?.Error;

    /// <summary>The budget's decision; refused only when <see cref="Outcome"/> is <see cref="ContextOutcome.BudgetExceeded"/>.</summary>
    public BudgetResult Budget => _refusal?.Budget ?? default;

    internal static ContextResult Success(string? output) => new(ContextOutcome.Succeeded, output, null);

    internal static ContextResult Refused(ContextOutcome outcome, string error) => new(outcome, null, new Refusal(error, default));

    internal static ContextResult OverBudget(BudgetResult budget) => new(ContextOutcome.BudgetExceeded, null, new Refusal(budget.Message, budget));

    /// <inheritdoc />
    public override string ToString() => IsSuccess ? $"succeeded: {Output}" : $"{Outcome}: {Error}";

    private sealed record Refusal(string Error, BudgetResult Budget);
}
