namespace Runtime.Supervision.Pools;

/// <summary>
/// The leases granted on one engine of a pool, and that engine's endpoint. A pool grants its leases on one
/// <see cref="EngineLeases"/> at a time; a surge reload switches new leases to the new engine's, and the old one's
/// leases finish on it. Counting follows the pool's own protocol: an acquire counts itself first, then checks that
/// these are still the pool's leases, so a switch either sees the lease or the acquire sees the switch.
/// </summary>
internal sealed class EngineLeases(Uri? endpoint)
{
    private int _active;
    private int _retired;
    private TaskCompletionSource? _idle;
    private Uri? _endpoint = endpoint;

    /// <summary>The endpoint of the engine these leases run on.</summary>
    public Uri? Endpoint
    {
        get => Volatile.Read(ref _endpoint);
        set => Volatile.Write(ref _endpoint, value);
    }

    /// <summary>Leases held on this engine.</summary>
    public int Active => Math.Max(0, Volatile.Read(ref _active));

    public void Arrived() => Interlocked.Increment(ref _active);

    public void Departed()
    {
        if (Interlocked.Decrement(ref _active) == 0 && Volatile.Read(ref _retired) != 0 && Volatile.Read(ref _active) == 0)
        {
            Volatile.Read(ref _idle)?.TrySetResult();
        }
    }

    /// <summary>No lease is granted on this engine any more (called after the pool switched away from it).</summary>
    public void Retire() => Interlocked.Exchange(ref _retired, 1);

    /// <summary>Granted on again (a surge that switched back to this engine).</summary>
    public void Reopen()
    {
        Volatile.Write(ref _idle, null);
        Interlocked.Exchange(ref _retired, 0);
    }

    /// <summary>Completed when a retired engine holds no lease: at once if none is held, else by the last release (no polling).</summary>
    public Task WhenIdle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var current = Interlocked.CompareExchange(ref _idle, idle, null) ?? idle;
        if (Volatile.Read(ref _active) == 0)
        {
            current.TrySetResult();
        }

        return current.Task;
    }
}
