namespace Runtime.Supervision.Pools;

/// <summary>
/// A handle on one unit of work admitted by a ready pool. A struct: acquiring and releasing allocate
/// nothing. Releasing is idempotent across copies: only the first <see cref="Release"/> of a lease
/// frees it (a lease id names its slot; a second release finds the slot no longer holds it).
/// </summary>
public readonly struct Lease : IDisposable, IEquatable<Lease>
{
    private readonly Pool? _pool;
    private readonly EngineLeases? _engine;
    private readonly int _slot;

    internal Lease(Pool pool, EngineLeases engine, int slot, long id)
    {
        _pool = pool;
        _engine = engine;
        _slot = slot;
        Id = id;
    }

    /// <summary>The lease id, unique within its pool (starting at 1); 0 for the default value.</summary>
    public long Id { get; }

    /// <summary>The pool id, or null for the default value.</summary>
    public string? PoolId => _pool?.Id;

    /// <summary>
    /// The loopback endpoint of the engine this lease was granted on, where its request goes: during a surge reload a
    /// lease granted before the switch names the old engine, one granted after it the new one. Null for the default value.
    /// </summary>
    public Uri? Endpoint => _engine?.Endpoint;

    /// <summary>False for <c>default(Lease)</c>.</summary>
    public bool IsValid => _pool is not null;

    /// <summary>Releases the lease; returns false if it was already released (or is the default value).</summary>
    public bool Release() => _pool is not null && _pool.Release(_engine!, _slot, Id);

    /// <summary>Same as <see cref="Release"/>.</summary>
    public void Dispose() => Release();

    /// <inheritdoc />
    public bool Equals(Lease other) => ReferenceEquals(_pool, other._pool) && Id == other.Id;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Lease other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_pool, Id);

    /// <summary>Equality.</summary>
    public static bool operator ==(Lease left, Lease right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(Lease left, Lease right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => _pool is null ? "no lease" : $"lease {Id} on pool {_pool.Id}";
}
