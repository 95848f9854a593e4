using System.Diagnostics.Metrics;

namespace Runtime.Contexts;

/// <summary>
/// Meter <c>Runtime.Contexts</c>: counters of the unhappy paths, tagged with <c>tenant</c> and
/// <c>model</c>: <c>context_faults</c>, <c>context_budget_refusals</c>, <c>context_forbidden_attempts</c>.
/// The success path records nothing here (see the context's counters and trace).
/// </summary>
public static class ContextMetrics
{
    /// <summary>The meter name.</summary>
    public const string MeterName = "Runtime.Contexts";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Counter<long> Faults = Meter.CreateCounter<long>("context_faults", description: "Backend failures contained by a context");
    private static readonly Counter<long> BudgetRefusals = Meter.CreateCounter<long>("context_budget_refusals", description: "Requests and allocations refused by a budget");
    private static readonly Counter<long> ForbiddenAttempts = Meter.CreateCounter<long>("context_forbidden_attempts", description: "Attempts by another tenant");

    internal static void Faulted(ModelContext context) => Add(Faults, context);

    internal static void BudgetExceeded(ModelContext context) => Add(BudgetRefusals, context);

    internal static void Forbidden(ModelContext context) => Add(ForbiddenAttempts, context);

    private static void Add(Counter<long> counter, ModelContext context)
    {
        if (counter.Enabled)
        {
            counter.Add(1, new KeyValuePair<string, object?>("tenant", context.TenantId), new KeyValuePair<string, object?>("model", context.ModelId));
        }
    }
}
