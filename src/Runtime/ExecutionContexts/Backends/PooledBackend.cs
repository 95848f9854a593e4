using Runtime.Supervision.Pools;

namespace Runtime.ExecutionContexts.Backends;

/// <summary>
/// Runs each request under a lease of a <see cref="Pool"/>: the lease is taken before the inner backend
/// is called and released when it answers (success, error, exception or cancellation), so a drain of the
/// pool waits for the executions in flight. A pool that refuses the lease (draining, not ready, no free
/// slot) makes the request <see cref="BackendResult.Unavailable"/>: refused, not a fault of the context.
/// </summary>
/// <remarks>Allocation-free when the inner backend completes synchronously (a lease is a struct).</remarks>
public sealed class PooledBackend : IModelBackend
{
    private readonly Pool _pool;
    private readonly IModelBackend _inner;

    /// <summary>Wraps <paramref name="inner"/> so that it runs under leases of <paramref name="pool"/>.</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public PooledBackend(Pool pool, IModelBackend inner)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(inner);
        _pool = pool;
        _inner = inner;
    }

    /// <summary>The pool whose leases are taken.</summary>
    public Pool Pool => _pool;

    /// <inheritdoc />
    public ValueTask<BackendResult> InvokeAsync(ModelRequest request, CancellationToken cancellationToken)
    {
        var refusal = _pool.TryAcquire(out var lease);
        if (refusal != LeaseRefusal.None)
        {
            return new(BackendResult.Unavailable(Describe(refusal)));
        }

        ValueTask<BackendResult> pending;
        try
        {
            pending = _inner.InvokeAsync(request, cancellationToken);
        }
        catch
        {
            lease.Release();
            throw;
        }

        if (pending.IsCompletedSuccessfully)
        {
            lease.Release();
            return pending;
        }

        return ReleaseWhenAnsweredAsync(pending, lease);
    }

    private static async ValueTask<BackendResult> ReleaseWhenAnsweredAsync(ValueTask<BackendResult> pending, Lease lease)
    {
        try
        {
            return await pending.ConfigureAwait(false);
        }
        finally
        {
            lease.Release();
        }
    }

    private string Describe(LeaseRefusal refusal) => refusal switch
    {
        LeaseRefusal.Draining => $"pool {_pool.Id} is draining",
        LeaseRefusal.Exhausted => $"pool {_pool.Id} has no free lease",
        _ => $"pool {_pool.Id} is not ready",
    };
}
