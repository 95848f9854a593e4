namespace Runtime.ExecutionContexts.Tracing;

/// <summary>One recorded event: who (context, model, tenant, correlation), what, when, and its place in the order.</summary>
/// <remarks>
/// <see cref="Sequence"/> numbers events from 1 in the order the collector accepted them, across all
/// contexts; events of one context read back in increasing sequence.
/// </remarks>
public readonly record struct TraceEvent
{
    /// <summary>Order of acceptance, from 1, unique per collector.</summary>
    public long Sequence { get; init; }

    /// <summary>When it happened, read from the collector's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>The context it happened to.</summary>
    public string ContextId { get; init; }

    /// <summary>The model of that context.</summary>
    public string Model { get; init; }

    /// <summary>The tenant owning that context.</summary>
    public string Tenant { get; init; }

    /// <summary>The id of the root context of the family (a context's own id when it has no parent): correlates a child's events with its parent's.</summary>
    public string CorrelationId { get; init; }

    /// <summary>What happened.</summary>
    public TraceEventKind Kind { get; init; }

    /// <summary>A number qualifying the event (bytes refused, child count...); 0 when none.</summary>
    public long Value { get; init; }
}
