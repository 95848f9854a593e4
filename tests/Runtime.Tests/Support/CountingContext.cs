namespace Runtime.Tests.Support;

/// <summary>A caller's context (a UI thread's, say) that counts the continuations posted to it and runs them inline.</summary>
internal sealed class CountingContext : SynchronizationContext
{
    private int _posts;

    /// <summary>Continuations posted so far.</summary>
    public int Posts => Volatile.Read(ref _posts);

    /// <inheritdoc />
    public override void Post(SendOrPostCallback d, object? state)
    {
        Interlocked.Increment(ref _posts);
        d(state);
    }
}
