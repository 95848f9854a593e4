namespace Runtime.ExecutionContexts.Tracing;

/// <summary>
/// A bounded, thread-safe record of what happens to contexts, shared by every context of a factory.
/// Recording is lock-free: a preallocated ring of slots, a global sequence taken with one interlocked
/// increment, and a per-slot stamp claimed by compare-and-swap and published with a release write.
/// </summary>
/// <remarks>
/// <para>When the ring is full, each new event overwrites the oldest; the loss is counted in
/// <see cref="Dropped"/>, never silent. Once writers are quiet, <c>Retained + Dropped == Recorded</c> exactly.</para>
/// <para>Readers take a consistent copy of each slot (stamp read before and after the copy); an event
/// being overwritten while read is the oldest and is skipped as dropped.</para>
/// </remarks>
public sealed partial class TraceCollector
{
    private const long Writing = -1;

    private readonly TraceSlot[] _slots;
    private readonly long _mask;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _originTime;
    private readonly long _originTimestamp;
    private long _sequence;
    private int _subscriptions;

    /// <summary>Creates a collector (default options: 1,024 events, system clock).</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <see cref="TraceCollectorOptions.Capacity"/> is not positive.</exception>
    public TraceCollector(TraceCollectorOptions? options = null)
    {
        options ??= new TraceCollectorOptions();
        options.Validate();
        Capacity = options.Capacity;
        _slots = new TraceSlot[Capacity];
        // Stryker disable once Conditional,Bitwise : equivalent, without the mask IndexOf takes the modulo, the same slot for a positive sequence
        _mask = (Capacity & (Capacity - 1)) == 0 ? Capacity - 1 : -1;
        _time = options.TimeProvider ?? TimeProvider.System;
        _originTimestamp = _time.GetTimestamp();
        _originTime = _time.GetUtcNow();
    }

    /// <summary>Events kept at most.</summary>
    public int Capacity { get; }

    /// <summary>Events accepted since creation (kept or since dropped).</summary>
    public long Recorded => Volatile.Read(ref _sequence);

    /// <summary>Events dropped to make room for newer ones.</summary>
    public long Dropped => Math.Max(0, Recorded - Capacity);

    /// <summary>Events currently kept.</summary>
    public long Retained => Math.Min(Recorded, Capacity);

    /// <summary>Subscriptions (live contexts writing here) not yet disposed.</summary>
    public int Subscriptions => Volatile.Read(ref _subscriptions);

    /// <summary>Opens a writer for one context; dispose it when the context goes away.</summary>
    /// <exception cref="ArgumentNullException">When an id is null.</exception>
    public TraceSubscription Subscribe(string contextId, string model, string tenant, string correlationId)
    {
        var subscription = new TraceSubscription(this, contextId, model, tenant, correlationId);
        Interlocked.Increment(ref _subscriptions);
        return subscription;
    }

    /// <summary>The kept events of <paramref name="contextId"/>, oldest first.</summary>
    public IReadOnlyList<TraceEvent> ReadContext(string contextId) => Read(contextId, null);

    /// <summary>The kept events of a family of contexts (a root and its descendants), oldest first.</summary>
    public IReadOnlyList<TraceEvent> ReadCorrelation(string correlationId) => Read(null, correlationId);

    /// <summary>Every kept event, oldest first.</summary>
    public IReadOnlyList<TraceEvent> ReadAll() => Read(null, null);

    internal void Unsubscribe() => Interlocked.Decrement(ref _subscriptions);

    internal void Write(TraceSubscription source, TraceEventKind kind, long value)
    {
        var timestamp = _time.GetTimestamp();
        var sequence = Interlocked.Increment(ref _sequence);
        Store(sequence, timestamp, source, kind, value);
        if (Volatile.Read(ref _listeners).Length != 0)
        {
            Deliver(source, sequence, timestamp, kind, value);
        }
    }

    private void Store(long sequence, long timestamp, TraceSubscription source, TraceEventKind kind, long value)
    {
        ref var slot = ref _slots[IndexOf(sequence)];
        var spinner = default(SpinWait);
        while (true)
        {
            var stamp = Volatile.Read(ref slot.Stamp);
            if (stamp == Writing)
            {
                // Stryker disable once Statement,Unary : equivalent, how long the wait backs off only; the loop reads the stamp again either way
                spinner.SpinOnce(sleep1Threshold: -1);
                continue;
            }

            if (stamp > sequence)
            {
                return; // a newer event already owns the slot: this one is the oldest, counted as dropped
            }

            if (Interlocked.CompareExchange(ref slot.Stamp, Writing, stamp) == stamp)
            {
                break;
            }
        }

        slot.Timestamp = timestamp;
        slot.Source = source;
        slot.Kind = kind;
        slot.Value = value;
        Volatile.Write(ref slot.Stamp, sequence);
    }

    private DateTimeOffset TimeOf(long timestamp) => _originTime + _time.GetElapsedTime(_originTimestamp, timestamp);

    // Stryker disable once Conditional,Equality : equivalent, the mask and the modulo give the same slot for a positive sequence (a mask of 0: capacity 1, slot 0 both ways)
    private int IndexOf(long sequence) => (int)(_mask >= 0 ? sequence & _mask : sequence % Capacity);

    private List<TraceEvent> Read(string? contextId, string? correlationId)
    {
        var events = new List<TraceEvent>();
        for (var i = 0; i < _slots.Length; i++)
        {
            ref var slot = ref _slots[i];
            var before = Volatile.Read(ref slot.Stamp);
            if (before <= 0)
            {
                continue;
            }

            var timestamp = slot.Timestamp;
            var source = slot.Source;
            var kind = slot.Kind;
            var value = slot.Value;
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref slot.Stamp) != before || source is null)
            {
                continue;
            }

            if ((contextId is null || source.ContextId == contextId) && (correlationId is null || source.CorrelationId == correlationId))
            {
                events.Add(source.ToEvent(before, TimeOf(timestamp), kind, value));
            }
        }

        events.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return events;
    }

    private struct TraceSlot
    {
        public long Stamp;
        public long Timestamp;
        public TraceSubscription? Source;
        public TraceEventKind Kind;
        public long Value;
    }
}
