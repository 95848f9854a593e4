using System.Globalization;

namespace Runtime.ExecutionContexts.Budgets;

/// <summary>
/// The decision of a budget on an allocation or a request: granted, or exceeded with the resource, the
/// limit, the amount asked and the amount in use at the time. A one-reference struct: the granted path
/// allocates nothing and copies almost nothing; the details of a refusal are made only on refusal.
/// </summary>
public readonly struct BudgetResult
{
    private readonly Refusal? _refusal;

    private BudgetResult(Refusal refusal) => _refusal = refusal;

    /// <summary>A granted decision.</summary>
    public static BudgetResult Granted => default;

    /// <summary>True when everything asked was granted.</summary>
    public bool IsGranted => _refusal is null;

    /// <summary>The resource whose limit refused the request; <see cref="BudgetResource.None"/> when granted.</summary>
    public BudgetResource Exceeded => _refusal?.Resource ?? BudgetResource.None;

    /// <summary>The name of the budget that refused (a context id); null when granted.</summary>
    public string? Owner => _refusal?.Owner;

    /// <summary>The limit that refused (bytes or requests); 0 when granted.</summary>
    public long Limit => _refusal?.Limit ?? 0;

    /// <summary>The amount asked (bytes or requests); 0 when granted.</summary>
    public long Requested => _refusal?.Requested ?? 0;

    /// <summary>The amount in use when the request was refused; 0 when granted.</summary>
    public long InUse => _refusal?.InUse ?? 0;

    /// <summary>A sentence naming the budget, the limit and the request; empty when granted.</summary>
    public string Message => Exceeded switch
    {
        BudgetResource.None => string.Empty,
        BudgetResource.Memory =>
            $"{Owner}: memory budget of {ByteSize.Format(Limit)} exceeded by a request for {ByteSize.Format(Requested)} with {ByteSize.Format(InUse)} in use",
        BudgetResource.ConcurrentRequests =>
            $"{Owner}: limit of {Limit.ToString(CultureInfo.InvariantCulture)} concurrent requests reached",
        _ => $"{Owner}: limit of {Limit.ToString(CultureInfo.InvariantCulture)} total requests reached",
    };

    internal static BudgetResult Refused(BudgetResource resource, string owner, long limit, long requested, long inUse) =>
        new(new Refusal(resource, owner, limit, requested, inUse));

    /// <inheritdoc />
    public override string ToString() => IsGranted ? "granted" : Message;

    private sealed record Refusal(BudgetResource Resource, string Owner, long Limit, long Requested, long InUse);
}
