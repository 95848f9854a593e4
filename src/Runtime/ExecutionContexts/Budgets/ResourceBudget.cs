namespace Runtime.ExecutionContexts.Budgets;

/// <summary>
/// Live accounting against <see cref="BudgetLimits"/>: memory, requests in flight and requests over the
/// lifetime. Lock-free and exact: every reservation is a compare-and-swap loop, so threads racing to
/// allocate never overshoot a limit and the sum of successful allocations never exceeds it.
/// </summary>
/// <remarks>
/// A budget may have a parent (a child context's budget is carved from its parent's): every
/// reservation is made in the child first and then in the parent, and undone in the child if the
/// parent refuses, so a child's usage counts against its parent and a child can never use more than the
/// parent has left. Releasing more than was allocated releases only what was allocated (never negative, never
/// the memory of a running request).
/// </remarks>
public sealed partial class ResourceBudget
{
    private readonly ResourceBudget? _parent;
    private long _bytesInUse;
    private long _allocated;
    private int _closed;
    private long _peakBytes;
    private int _concurrent;
    private long _total;

    /// <summary>Creates a budget named <paramref name="owner"/> (used in refusal messages).</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="owner"/> or <paramref name="limits"/> is null.</exception>
    public ResourceBudget(string owner, BudgetLimits limits, ResourceBudget? parent = null)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(limits);
        Owner = owner;
        Limits = limits;
        _parent = parent;
    }

    /// <summary>The name refusals carry: the owning context's id.</summary>
    public string Owner { get; }

    /// <summary>The limits enforced.</summary>
    public BudgetLimits Limits { get; }

    /// <summary>The budget this one is carved from, if any.</summary>
    public ResourceBudget? Parent => _parent;

    /// <summary>Memory in use, in bytes (includes children's usage).</summary>
    public long BytesInUse => Volatile.Read(ref _bytesInUse);

    /// <summary>Memory left before the limit, in bytes (ignores what a parent has left).</summary>
    public long BytesAvailable => Limits.MemoryBytes - BytesInUse;

    /// <summary>Requests over the lifetime left before the limit.</summary>
    public long TotalRequestsAvailable => Limits.TotalRequests - Volatile.Read(ref _total);

    /// <summary>The current usage.</summary>
    public BudgetSnapshot Snapshot() =>
        new(Volatile.Read(ref _bytesInUse), Volatile.Read(ref _peakBytes), Volatile.Read(ref _concurrent), Volatile.Read(ref _total));

    /// <summary>Reserves <paramref name="bytes"/> of memory here and in every ancestor, or nothing.</summary>
    /// <param name="bytes">Bytes to reserve; 0 is granted trivially.</param>
    /// <returns>Granted, or the first budget (this one, then ancestors) whose memory limit refused.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="bytes"/> is negative.</exception>
    public BudgetResult TryAllocate(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        if (bytes == 0)
        {
            return BudgetResult.Granted;
        }

        var result = TryAllocateCore(bytes);
        if (result.IsGranted)
        {
            Interlocked.Add(ref _allocated, bytes);
            if (Volatile.Read(ref _closed) != 0)
            {
                // Raced with ReleaseAll: what a closed budget is given goes straight back.
                GiveBackAllocations();
            }
        }

        return result;
    }

    /// <summary>
    /// Gives back <paramref name="bytes"/> of what <see cref="TryAllocate"/> reserved, here and in every ancestor
    /// (at most what is allocated: the memory of running requests is theirs until <see cref="EndRequest"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="bytes"/> is negative.</exception>
    public void Release(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        while (bytes > 0)
        {
            var current = Volatile.Read(ref _allocated);
            var take = Math.Min(bytes, current);
            if (take <= 0)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _allocated, current - take, current) == current)
            {
                ReleaseCore(take);
                return;
            }
        }
    }

    /// <summary>
    /// Closes the budget (its context is disposed): gives back everything <see cref="TryAllocate"/> reserved, here and
    /// the same amount in the ancestors, and returns those bytes. The memory of requests still running stays reserved,
    /// here and in the ancestors, until each ends (<see cref="EndRequest"/>): a parent never gets back memory early.
    /// </summary>
    public long ReleaseAll()
    {
        Volatile.Write(ref _closed, 1);
        return GiveBackAllocations();
    }

    private long GiveBackAllocations()
    {
        var released = Interlocked.Exchange(ref _allocated, 0);
        if (released > 0)
        {
            ReleaseCore(released);
        }

        return released;
    }

    /// <summary>
    /// Admits one request needing <paramref name="memoryBytes"/> of working memory: one slot of the
    /// concurrency limit, one of the total limit and the memory, here and in every ancestor, or nothing.
    /// </summary>
    /// <remarks>Pair every granted call with <see cref="EndRequest"/>.</remarks>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="memoryBytes"/> is negative.</exception>
    public BudgetResult TryBeginRequest(long memoryBytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(memoryBytes);
        if (!TryAddInt(ref _concurrent, Limits.ConcurrentRequests))
        {
            return BudgetResult.Refused(BudgetResource.ConcurrentRequests, Owner, Limits.ConcurrentRequests, 1, Volatile.Read(ref _concurrent));
        }

        if (Limits.TotalRequests == long.MaxValue)
        {
            Interlocked.Increment(ref _total); // unlimited: count without a compare-and-swap loop
        }
        else if (!TryAdd(ref _total, 1, Limits.TotalRequests))
        {
            Interlocked.Decrement(ref _concurrent);
            return BudgetResult.Refused(BudgetResource.TotalRequests, Owner, Limits.TotalRequests, 1, Volatile.Read(ref _total));
        }

        if (memoryBytes > 0 && !TryAddBytes(memoryBytes))
        {
            Interlocked.Decrement(ref _concurrent);
            Interlocked.Decrement(ref _total);
            return BudgetResult.Refused(BudgetResource.Memory, Owner, Limits.MemoryBytes, memoryBytes, Volatile.Read(ref _bytesInUse));
        }

        if (_parent is not null)
        {
            var parent = _parent.TryBeginRequest(memoryBytes);
            if (!parent.IsGranted)
            {
                UndoLocal(memoryBytes);
                Interlocked.Decrement(ref _total);
                return parent;
            }
        }

        return BudgetResult.Granted;
    }

    /// <summary>Ends a request admitted by <see cref="TryBeginRequest"/>: frees its slot and its memory.</summary>
    /// <remarks>Releases in each ancestor exactly what was released here. <see cref="ReleaseAll"/> leaves a running
    /// request's memory alone, so a request ending after it (in a disposed context) gives its memory back then, once.</remarks>
    public void EndRequest(long memoryBytes)
    {
        Interlocked.Decrement(ref _concurrent);
        var released = memoryBytes > 0 ? ReleaseLocal(memoryBytes) : 0;
        _parent?.EndRequest(released);
    }

    private void UndoLocal(long memoryBytes)
    {
        Interlocked.Decrement(ref _concurrent);
        if (memoryBytes > 0)
        {
            ReleaseLocal(memoryBytes);
        }
    }
}
