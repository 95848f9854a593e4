namespace Runtime.ExecutionContexts;

/// <summary>A context's request counters: one interlocked increment per event, exact under concurrency.</summary>
internal sealed class ContextCounters
{
    private long _requests;
    private long _successes;
    private long _failures;

    public long Requests => Volatile.Read(ref _requests);

    public long Successes => Volatile.Read(ref _successes);

    public long Failures => Volatile.Read(ref _failures);

    public void Request() => Interlocked.Increment(ref _requests);

    public void Success() => Interlocked.Increment(ref _successes);

    public void Failure() => Interlocked.Increment(ref _failures);
}
