namespace Runtime.ExecutionContexts.Tracing;

/// <summary>
/// One context's writer into a <see cref="TraceCollector"/>: carries the context's identity so that each
/// event is attributed without copying strings. Disposing it ends the subscription (counted by the
/// collector) and makes further <see cref="Record"/> calls no-ops. Thread-safe.
/// </summary>
public sealed class TraceSubscription : IDisposable
{
    private readonly TraceCollector _collector;
    private int _disposed;

    internal TraceSubscription(TraceCollector collector, string contextId, string model, string tenant, string correlationId)
    {
        ArgumentNullException.ThrowIfNull(contextId);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(correlationId);
        _collector = collector;
        ContextId = contextId;
        Model = model;
        Tenant = tenant;
        CorrelationId = correlationId;
    }

    /// <summary>The context whose events this writes.</summary>
    public string ContextId { get; }

    /// <summary>The context's model.</summary>
    public string Model { get; }

    /// <summary>The context's tenant.</summary>
    public string Tenant { get; }

    /// <summary>The root context id of the context's family.</summary>
    public string CorrelationId { get; }

    /// <summary>True once disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>Records an event now; ignored after <see cref="Dispose"/>. Lock-free, allocation-free.</summary>
    public void Record(TraceEventKind kind, long value = 0)
    {
        if (Volatile.Read(ref _disposed) == 0)
        {
            _collector.Write(this, kind, value);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _collector.Unsubscribe();
        }
    }

    internal TraceEvent ToEvent(long sequence, DateTimeOffset time, TraceEventKind kind, long value) => new()
    {
        Sequence = sequence,
        Time = time,
        ContextId = ContextId,
        Model = Model,
        Tenant = Tenant,
        CorrelationId = CorrelationId,
        Kind = kind,
        Value = value,
    };
}
