namespace Runtime.Tests.Support;

/// <summary>A caller's context (a UI thread's, say) that counts the continuations posted to it and runs them inline.</summary>
internal sealed class CountingContext : SynchronizationContext
{
    private int _posts;

    /// <summary>Continuations posted so far.</summary>
    public int Posts => Volatile.Read(ref _posts);

    /// <summary>Calls <paramref name="start"/> with this context current, as a caller on it would, then restores the caller's.</summary>
    public T StartOn<T>(Func<T> start)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return start();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        Interlocked.Increment(ref _posts);
        d(state);
    }
}
