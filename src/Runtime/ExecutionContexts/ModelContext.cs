using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts.Tracing;

namespace Runtime.ExecutionContexts;

/// <summary>
/// An isolated place where one tenant runs one model: its own budget, fault boundary, counters, trace
/// and metadata. Made by a <see cref="ContextFactory"/> (or <see cref="CreateChild"/>). Thread-safe.
/// </summary>
/// <remarks>
/// <para>Fault boundary: a backend failure (error result or exception) never escapes. The context turns
/// <see cref="ContextState.Faulted"/>, keeps the <see cref="Fault"/>, and answers further requests with
/// <see cref="ContextOutcome.ContextFaulted"/> until <see cref="Reset"/>. Other contexts are untouched;
/// a parent only learns of a child's fault through <see cref="ChildFaults"/>.</para>
/// <para>Tenant isolation: every request and read names the calling tenant; another tenant is refused
/// with <see cref="ContextOutcome.Forbidden"/> and leaves no trace in the counters.</para>
/// </remarks>
public sealed partial class ModelContext : IDisposable
{
    private readonly object _lock = new();
    private readonly ContextFactory _factory;
    private readonly IModelBackend _backend;
    private readonly TraceSubscription _trace;
    private readonly ContextCounters _counters = new();
    private readonly bool _traceExecutions;
    private int _state;
    private ContextFault? _fault;

    internal ModelContext(ContextFactory factory, string id, string modelId, string tenantId, BudgetLimits limits, IModelBackend backend, ModelContext? parent)
    {
        _factory = factory;
        _backend = backend;
        _traceExecutions = factory.Options.TraceExecutions;
        Id = id;
        ModelId = modelId;
        TenantId = tenantId;
        Parent = parent;
        CorrelationId = parent?.CorrelationId ?? id;
        ParentChain = parent is null ? [] : [.. parent.ParentChain, parent.Id];
        Budget = new ResourceBudget(id, limits, parent?.Budget);
        _metadata = parent?.CopyMetadata() ?? new();
        _trace = factory.Traces.Subscribe(id, modelId, tenantId, CorrelationId);
    }

    /// <summary>Unique within the factory: "tenant/model#n" for a root, "parent-id.n" for a child.</summary>
    public string Id { get; }

    /// <summary>The model this context runs.</summary>
    public string ModelId { get; }

    /// <summary>The tenant owning it (inherited by children).</summary>
    public string TenantId { get; }

    /// <summary>The context this one was made from; null for a root.</summary>
    public ModelContext? Parent { get; }

    /// <summary>The root's id: shared by a family's trace events.</summary>
    public string CorrelationId { get; }

    /// <summary>Ancestor ids, root first, for audit; empty for a root.</summary>
    public IReadOnlyList<string> ParentChain { get; }

    /// <summary>The context's budget (carved from the parent's for a child).</summary>
    public ResourceBudget Budget { get; }

    /// <summary>The current state.</summary>
    public ContextState State => (ContextState)Volatile.Read(ref _state);

    /// <summary>The fault that stopped the context; null unless <see cref="ContextState.Faulted"/>.</summary>
    public ContextFault? Fault
    {
        get
        {
            lock (_lock)
            {
                return _fault;
            }
        }
    }

    /// <summary>The counters, read by the context's owner (see <see cref="ReadCounters"/> for tenant-checked reads).</summary>
    public ContextCounterSnapshot Counters
    {
        get
        {
            var budget = Budget.Snapshot();
            return new(_counters.Requests, _counters.Successes, _counters.Failures, budget.BytesInUse, budget.PeakBytes);
        }
    }

    /// <summary>Brings a faulted context back to <see cref="ContextState.Active"/>; false when it was not faulted.</summary>
    public bool Reset()
    {
        ContextFault? cleared;
        lock (_lock)
        {
            if (!TryMove_NeedsLock(ContextState.Active))
            {
                return false;
            }

            cleared = _fault;
            _fault = null;
        }

        _trace.Record(TraceEventKind.Reset);
        ContextLog.Reset(_factory.Logger, Id, cleared?.Message ?? string.Empty);
        return true;
    }

    /// <summary>
    /// Disposes the children, then releases this context: its memory goes back to the parent, its trace
    /// subscription ends, its tenant slot frees. Idempotent. In-flight requests finish and are counted.
    /// </summary>
    public void Dispose()
    {
        ModelContext[] children;
        lock (_lock)
        {
            if (!TryMove_NeedsLock(ContextState.Disposed))
            {
                return;
            }

            children = [.. _children];
            _children.Clear();
        }

        foreach (var child in children)
        {
            child.Dispose();
        }

        Budget.ReleaseAll();
        _trace.Record(TraceEventKind.Disposed);
        _trace.Dispose();
        Parent?.RemoveChild(this);
        _factory.OnDisposed(this);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({State})";

    internal void RecordCreated() => _trace.Record(TraceEventKind.Created);

    private bool TryFault(string message, string? exceptionType, out ContextFault fault)
    {
        lock (_lock)
        {
            if (!TryMove_NeedsLock(ContextState.Faulted))
            {
                fault = _fault!;
                return false;
            }

            fault = new ContextFault(Id, message, exceptionType, _factory.Time.GetUtcNow(), _counters.Requests);
            _fault = fault;
        }

        return true;
    }

    /// <summary>The state machine: Active ⇄ Faulted, either → Disposed; anything else is refused.</summary>
    private bool TryMove_NeedsLock(ContextState to)
    {
        var allowed = (State, to) switch
        {
            (ContextState.Active, ContextState.Faulted) => true,
            (ContextState.Faulted, ContextState.Active) => true,
            (ContextState.Active or ContextState.Faulted, ContextState.Disposed) => true,
            _ => false,
        };
        if (allowed)
        {
            Volatile.Write(ref _state, (int)to);
        }

        return allowed;
    }
}
