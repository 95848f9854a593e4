namespace Runtime.Supervision.Pools;

/// <summary>Lock-free, allocation-free leases: a fixed table of slots holding lease ids (0 = free).</summary>
public sealed partial class Pool
{
    private const int GateOpen = 0;
    private const int GateDraining = 1;
    private const int GateNotReady = 2;

    private readonly long[] _slots;
    private int _gate = GateNotReady;
    private int _active;
    private long _nextLeaseId;
    private int _hint;
    private TaskCompletionSource? _idle;
    private EngineLeases _engineLeases = new(null);

    /// <summary>Leases acquired and not yet released.</summary>
    public int ActiveLeases => Math.Max(0, Volatile.Read(ref _active));

    /// <summary>Tries to acquire a lease; <see cref="LeaseRefusal.None"/> and a valid lease when granted.</summary>
    public LeaseRefusal TryAcquire(out Lease lease)
    {
        lease = default;
        var gate = Volatile.Read(ref _gate);
        if (gate != GateOpen)
        {
            return Refusal(gate);
        }

        // Count first, then re-check the gate: a drain closes the gate, then reads the count (both fenced),
        // so either the drain sees this lease or this acquire sees the closed gate. The same holds for the engine the
        // lease is counted on: a surge switches engines, then reads the old one's count.
        Interlocked.Increment(ref _active);
        var engine = Volatile.Read(ref _engineLeases);
        engine.Arrived();
        while (true)
        {
            gate = Volatile.Read(ref _gate);
            if (gate != GateOpen)
            {
                engine.Departed();
                Departed();
                return Refusal(gate);
            }

            var now = Volatile.Read(ref _engineLeases);
            if (ReferenceEquals(now, engine))
            {
                break;
            }

            // Switched meanwhile: this lease goes to the new engine.
            engine.Departed();
            engine = now;
            engine.Arrived();
        }

        var id = Interlocked.Increment(ref _nextLeaseId);
        var slots = _slots;
        var start = Volatile.Read(ref _hint);
        for (var n = 0; n < slots.Length; n++)
        {
            var slot = start + n;
            slot = slot >= slots.Length ? slot - slots.Length : slot;
            if (Volatile.Read(ref slots[slot]) == 0 && Interlocked.CompareExchange(ref slots[slot], id, 0) == 0)
            {
                Volatile.Write(ref _hint, slot + 1 == slots.Length ? 0 : slot + 1);
                lease = new Lease(this, engine, slot, id);
                return LeaseRefusal.None;
            }
        }

        engine.Departed();
        Departed();
        return LeaseRefusal.Exhausted;
    }

    /// <summary>Acquires a lease or throws <see cref="LeaseRefusedException"/> saying why.</summary>
    public Lease Acquire()
    {
        var refusal = TryAcquire(out var lease);
        return refusal == LeaseRefusal.None ? lease : throw new LeaseRefusedException(Id, refusal);
    }

    /// <summary>The ids of leases still held, in the order they were granted.</summary>
    public IReadOnlyList<long> ActiveLeaseIds()
    {
        var ids = new List<long>();
        foreach (var id in _slots)
        {
            if (id != 0)
            {
                ids.Add(id);
            }
        }

        ids.Sort();
        return ids;
    }

    /// <summary>
    /// A task completed when no lease is held any more: at once if none is, otherwise by the release of
    /// the last one (no polling). Meaningful while new leases are refused (draining, not ready).
    /// </summary>
    internal Task WhenIdle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = Interlocked.CompareExchange(ref _idle, idle, null) ?? idle;
        if (Volatile.Read(ref _active) == 0)
        {
            current.TrySetResult();
        }

        return current.Task;
    }

    internal bool Release(EngineLeases engine, int slot, long id)
    {
        if (Interlocked.CompareExchange(ref _slots[slot], 0, id) != id)
        {
            return false;
        }

        engine.Departed();
        Departed();
        return true;
    }

    /// <summary>The leases granted on the pool's engine now.</summary>
    internal EngineLeases CurrentEngineLeases => Volatile.Read(ref _engineLeases);

    /// <summary>
    /// Grants new leases on <paramref name="next"/> from now on and retires the previous engine's leases (which finish
    /// there); returns them. Fenced: an acquire that counted itself on the old engine sees the switch, or is counted.
    /// </summary>
    internal EngineLeases SwitchEngineLeases(EngineLeases next)
    {
        next.Reopen();
        var previous = Interlocked.Exchange(ref _engineLeases, next);
        previous.Retire();
        return previous;
    }

    private void SetGate(int gate)
    {
        if (gate == GateOpen)
        {
            Volatile.Write(ref _idle, null);
        }

        Interlocked.Exchange(ref _gate, gate);
    }

    private void Departed()
    {
        // The count is read again after the gate: a release that reached zero while the pool was open can be slow to
        // read the gate, and by then a drain may have begun with a new lease held (found by Coyote, LeaseProtocolTests).
        if (Interlocked.Decrement(ref _active) == 0 && Volatile.Read(ref _gate) != GateOpen && Volatile.Read(ref _active) == 0)
        {
            Volatile.Read(ref _idle)?.TrySetResult();
        }
    }

    private LeaseRefusal Refusal(int gate) => gate == GateDraining ? LeaseRefusal.Draining : LeaseRefusal.NotReady;
}
