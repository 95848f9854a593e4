namespace Runtime.ExecutionContexts.Tracing;

/// <summary>Per-tenant listeners: the events of one tenant, as they are recorded.</summary>
public sealed partial class TraceCollector
{
    private readonly object _listenersLock = new();
    private TenantListener[] _listeners = [];
    private long _listenerFaults;

    /// <summary>Exceptions thrown by listeners, counted (a listener never disturbs recording).</summary>
    public long ListenerFaults => Interlocked.Read(ref _listenerFaults);

    /// <summary>
    /// Calls <paramref name="onEvent"/> with every event of tenant <paramref name="tenant"/> recorded from now on, and
    /// with no other tenant's: on the recording thread, right after the event is recorded, also when the bounded ring
    /// later drops it. A context's events arrive in the order it recorded them (in sequence order, when the context
    /// records from one thread at a time). An exception thrown by <paramref name="onEvent"/> is counted in
    /// <see cref="ListenerFaults"/> and does not reach the recording context. Dispose the result to stop.
    /// </summary>
    /// <exception cref="ArgumentException">When <paramref name="tenant"/> is null, empty or blank.</exception>
    public IDisposable Listen(string tenant, Action<TraceEvent> onEvent)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentNullException.ThrowIfNull(onEvent);
        var listener = new TenantListener(this, tenant, onEvent);
        lock (_listenersLock)
        {
            Volatile.Write(ref _listeners, [.. _listeners, listener]);
        }

        return listener;
    }

    private void Deliver(TraceSubscription source, long sequence, long timestamp, TraceEventKind kind, long value)
    {
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            if (!string.Equals(listener.Tenant, source.Tenant, StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                listener.OnEvent(source.ToEvent(sequence, TimeOf(timestamp), kind, value));
            }
            catch (Exception)
            {
                Interlocked.Increment(ref _listenerFaults);
            }
        }
    }

    private void Remove(TenantListener listener)
    {
        lock (_listenersLock)
        {
            Volatile.Write(ref _listeners, [.. _listeners.Where(l => !ReferenceEquals(l, listener))]);
        }
    }

    private sealed class TenantListener(TraceCollector collector, string tenant, Action<TraceEvent> onEvent) : IDisposable
    {
        public string Tenant { get; } = tenant;

        public Action<TraceEvent> OnEvent { get; } = onEvent;

        public void Dispose() => collector.Remove(this);
    }
}
