using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts.Tracing;

namespace Runtime.ExecutionContexts;

public sealed partial class ModelContext
{
    private readonly List<ModelContext> _children = [];
    private readonly List<ContextFault> _childFaults = [];
    private int _childrenMade;

    /// <summary>The live children, in creation order.</summary>
    public IReadOnlyList<ModelContext> Children
    {
        get
        {
            lock (_lock)
            {
                return [.. _children];
            }
        }
    }

    /// <summary>Faults of children (and their descendants) seen by this context, oldest first. Never faults this context.</summary>
    public IReadOnlyList<ContextFault> ChildFaults
    {
        get
        {
            lock (_lock)
            {
                return [.. _childFaults];
            }
        }
    }

    /// <summary>
    /// Makes a child context: same tenant, same trace correlation, this context in its
    /// <see cref="ParentChain"/>, a copy of this context's metadata, and a budget carved from this one's.
    /// </summary>
    /// <param name="modelId">The child's model; must not be empty or blank.</param>
    /// <param name="limits">The child's limits; its memory and total requests must fit in what this context has left.</param>
    /// <param name="backend">The child's backend; null shares this context's backend.</param>
    /// <returns>The child, or a refusal: this context is not active, or has too little budget left.</returns>
    /// <exception cref="ArgumentException">When <paramref name="modelId"/> is null, empty or blank.</exception>
    /// <exception cref="ArgumentNullException">When <paramref name="limits"/> is null.</exception>
    public ContextCreation CreateChild(string modelId, BudgetLimits limits, IModelBackend? backend = null)
    {
        ContextValidation.RequireRealId(modelId, nameof(modelId));
        ArgumentNullException.ThrowIfNull(limits);
        ModelContext child;
        lock (_lock)
        {
            if ((ContextState)_state != ContextState.Active)
            {
                return new(ContextCreationError.ParentNotActive, $"{Id} is {State.ToString().ToLowerInvariant()} and cannot make children");
            }

            var left = Budget.BytesAvailable;
            if (limits.MemoryBytes > left)
            {
                return new(ContextCreationError.ParentBudgetInsufficient,
                    $"a child budget of {ByteSize.Format(limits.MemoryBytes)} exceeds the {ByteSize.Format(left)} {Id} has left");
            }

            if (limits.TotalRequests != long.MaxValue && limits.TotalRequests > Budget.TotalRequestsAvailable)
            {
                return new(ContextCreationError.ParentBudgetInsufficient,
                    $"a child limit of {limits.TotalRequests} total requests exceeds the {Budget.TotalRequestsAvailable} {Id} has left");
            }

            child = new ModelContext(_factory, $"{Id}.{++_childrenMade}", modelId, TenantId, limits, backend ?? _backend, this);
            _children.Add(child);
        }

        _factory.OnChildCreated(child);
        _trace.Record(TraceEventKind.ChildCreated);
        return new(child);
    }

    private void RemoveChild(ModelContext child)
    {
        lock (_lock)
        {
            _children.Remove(child);
        }
    }

    private void OnChildFaulted(ContextFault fault)
    {
        lock (_lock)
        {
            _childFaults.Add(fault);
        }

        _trace.Record(TraceEventKind.ChildFaulted);
        Parent?.OnChildFaulted(fault);
    }
}
