using System.Collections.Concurrent;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts.Tracing;

namespace Runtime.ExecutionContexts;

public sealed partial class ModelContext
{
    private readonly ConcurrentDictionary<string, string> _metadata;

    /// <summary>
    /// Reserves <paramref name="bytes"/> of resident memory (weights, caches) for <paramref name="callerTenant"/>
    /// until <see cref="Release"/>. Exactly up to the limit succeeds; one byte over is refused with
    /// <see cref="ContextOutcome.BudgetExceeded"/> naming the limit and the request.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="bytes"/> is negative.</exception>
    public ContextResult Allocate(long bytes, string callerTenant)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (!IsOwnedBy(callerTenant))
        {
            return RefuseForeign(callerTenant);
        }

        if (State == ContextState.Disposed)
        {
            return ContextResult.Refused(ContextOutcome.Disposed, $"{Id} is disposed");
        }

        var decision = Budget.TryAllocate(bytes);
        if (!decision.IsGranted)
        {
            _trace.Record(TraceEventKind.BudgetExceeded, bytes);
            _factory.Metrics.BudgetExceeded(this);
            return ContextResult.OverBudget(decision);
        }

        return ContextResult.Success(null);
    }

    /// <summary>Gives back <paramref name="bytes"/> reserved by <see cref="Allocate"/> (at most what is in use).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="bytes"/> is negative.</exception>
    public ContextResult Release(long bytes, string callerTenant)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (!IsOwnedBy(callerTenant))
        {
            return RefuseForeign(callerTenant);
        }

        Budget.Release(bytes);
        return ContextResult.Success(null);
    }

    /// <summary>The counters, for the owning tenant only; another tenant is refused as forbidden.</summary>
    public ContextRead<ContextCounterSnapshot> ReadCounters(string callerTenant) =>
        IsOwnedBy(callerTenant) ? new(Counters) : RefuseRead<ContextCounterSnapshot>(callerTenant);

    /// <summary>This context's kept trace events, oldest first, for the owning tenant only.</summary>
    public ContextRead<IReadOnlyList<TraceEvent>> ReadTrace(string callerTenant) =>
        IsOwnedBy(callerTenant) ? new(_factory.Traces.ReadContext(Id)) : RefuseRead<IReadOnlyList<TraceEvent>>(callerTenant);

    /// <summary>Sets a metadata entry on this context only (never on its parent or siblings).</summary>
    /// <exception cref="ArgumentException">When <paramref name="key"/> is null, empty or blank.</exception>
    public void SetMetadata(string key, string value)
    {
        ContextValidation.RequireId(key, nameof(key));
        ArgumentNullException.ThrowIfNull(value);
        _metadata[key] = value;
    }

    /// <summary>Reads a metadata entry; a child starts with a copy of its parent's entries.</summary>
    public bool TryGetMetadata(string key, out string? value)
    {
        var found = _metadata.TryGetValue(key, out var stored);
        value = stored;
        return found;
    }

    /// <summary>A copy of the metadata entries.</summary>
    public IReadOnlyDictionary<string, string> Metadata => new Dictionary<string, string>(_metadata, StringComparer.Ordinal);

    private ConcurrentDictionary<string, string> CopyMetadata() => new(_metadata, StringComparer.Ordinal);

    private ContextRead<T> RefuseRead<T>(string? callerTenant)
    {
        _trace.Record(TraceEventKind.Forbidden);
        _factory.Metrics.Forbidden(this);
        return new(ContextOutcome.Forbidden, ForbiddenMessage(callerTenant));
    }
}
