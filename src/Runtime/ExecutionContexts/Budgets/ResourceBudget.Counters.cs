namespace Runtime.ExecutionContexts.Budgets;

/// <summary>The lock-free counters under the budget: compare-and-swap additions within a limit, the peak, and the walk up the parents.</summary>
public sealed partial class ResourceBudget
{
    private BudgetResult TryAllocateCore(long bytes)
    {
        if (!TryAddBytes(bytes))
        {
            return BudgetResult.Refused(BudgetResource.Memory, Owner, Limits.MemoryBytes, bytes, Volatile.Read(ref _bytesInUse));
        }

        if (_parent is not null)
        {
            var parent = _parent.TryAllocateCore(bytes);
            if (!parent.IsGranted)
            {
                ReleaseLocal(bytes);
                return parent;
            }
        }

        return BudgetResult.Granted;
    }

    private void ReleaseCore(long bytes)
    {
        var released = ReleaseLocal(bytes);
        if (released > 0)
        {
            _parent?.ReleaseCore(released);
        }
    }

    private long ReleaseLocal(long bytes)
    {
        while (true)
        {
            var current = Volatile.Read(ref _bytesInUse);
            var take = Math.Min(bytes, current);
            if (take <= 0)
            {
                return 0;
            }

            if (Interlocked.CompareExchange(ref _bytesInUse, current - take, current) == current)
            {
                return take;
            }
        }
    }

    private bool TryAddBytes(long bytes)
    {
        while (true)
        {
            var current = Volatile.Read(ref _bytesInUse);
            var next = current + bytes;
            if (next > Limits.MemoryBytes || next < current)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _bytesInUse, next, current) == current)
            {
                RaisePeak(next);
                return true;
            }
        }
    }

    private void RaisePeak(long value)
    {
        var peak = Volatile.Read(ref _peakBytes);
        while (value > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakBytes, value, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }

    private static bool TryAdd(ref long location, long amount, long limit)
    {
        while (true)
        {
            var current = Volatile.Read(ref location);
            if (current > limit - amount)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref location, current + amount, current) == current)
            {
                return true;
            }
        }
    }

    private static bool TryAddInt(ref int location, int limit)
    {
        while (true)
        {
            var current = Volatile.Read(ref location);
            if (current >= limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref location, current + 1, current) == current)
            {
                return true;
            }
        }
    }
}
