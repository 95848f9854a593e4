using System.Globalization;
using Reqnroll;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;
using Runtime.ExecutionContexts.Tracing;

namespace Steps.Contexts;

/// <summary>
/// Parameter types of the context steps: <c>{size}</c> ("1 GiB", "1 GiB and 1 byte"), <c>{total}</c>
/// ("3 total requests", "unlimited total requests"), <c>{kinds}</c>
/// ("Created, Executed"), <c>{ids}</c> ("acme/llama-7b-v1#1, acme/llama-7b-v1#1.1") and <c>{input}</c>
/// ("model id": an input of context creation, by its business name).
/// </summary>
[Binding]
public sealed class StepArguments
{
    /// <summary>"1 GiB" → 1,073,741,824 bytes; "1 GiB and 1 byte" → 1,073,741,825 bytes.</summary>
    [StepArgumentTransformation(@"(-?\d+ (?:GiB|MiB|KiB|bytes|byte)(?: and \d+ (?:bytes|byte))?)", Name = "size")]
    public ByteCount ToSize(string text) => new(text.Split(" and ").Sum(Bytes));

    private static long Bytes(string text)
    {
        var parts = text.Split(' ');
        var amount = long.Parse(parts[0], CultureInfo.InvariantCulture);
        return parts[1] switch
        {
            "GiB" => amount * ByteSize.GiB,
            "MiB" => amount * ByteSize.MiB,
            "KiB" => amount * ByteSize.KiB,
            _ => amount,
        };
    }

    /// <summary>"3 total requests" → a lifetime limit of 3 requests; "unlimited total requests" → no limit.</summary>
    [StepArgumentTransformation(@"((?:unlimited|-?\d+) total requests?)", Name = "total")]
    public RequestLimit ToTotal(string text)
    {
        var limit = text.Split(' ')[0];
        return new(limit == "unlimited" ? BudgetDefaults.TotalRequests : long.Parse(limit, CultureInfo.InvariantCulture));
    }

    /// <summary>"for its budget" → <see cref="ContextOutcome.BudgetExceeded"/>, "as another tenant's" → <see cref="ContextOutcome.Forbidden"/>.</summary>
    [StepArgumentTransformation("(for its budget|as another tenant's)", Name = "refusal")]
    public ContextOutcome ToRefusal(string text) => text == "for its budget" ? ContextOutcome.BudgetExceeded : ContextOutcome.Forbidden;

    /// <summary>"Created, Executed" → the trace event kinds, in order.</summary>
    [StepArgumentTransformation(@"([A-Za-z]+(?:, [A-Za-z]+)*)", Name = "kinds")]
    public TraceEventKinds ToKinds(string text) =>
        new([.. text.Split(", ").Select(k => Enum.Parse<TraceEventKind>(k, ignoreCase: false))]);

    /// <summary>"model id" → the creation input and the parameter that carries it.</summary>
    [StepArgumentTransformation("(model id|tenant id|memory limit|concurrency limit|total request limit|backend)", Name = "input")]
    public CreationInput ToInput(string text) => new(text, text switch
    {
        "model id" => "modelId",
        "tenant id" => "tenantId",
        "memory limit" => "memoryBytes",
        "concurrency limit" => "concurrentRequests",
        "total request limit" => "totalRequests",
        _ => "backend",
    });

    /// <summary>"a, b" → the context ids, in order.</summary>
    [StepArgumentTransformation(@"(\S+(?:, \S+)*)", Name = "ids")]
    public ContextIds ToIds(string text) => new([.. text.Split(", ")]);
}

/// <summary>Trace event kinds listed in a step.</summary>
public sealed record TraceEventKinds(IReadOnlyList<TraceEventKind> Kinds);

/// <summary>An input of context creation: its business name and the parameter that carries it.</summary>
public sealed record CreationInput(string Name, string Parameter);

/// <summary>Context ids listed in a step.</summary>
public sealed record ContextIds(IReadOnlyList<string> Ids);
