using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Runtime.Supervision.Pools;

/// <summary>
/// The pools this manager runs, by id. Lookups and leases are lock-free; every change of a pool is
/// saved to the state file (when configured). A change whose save fails still holds (see <see cref="OnChanged"/>);
/// registering is all or nothing. Thread-safe.
/// </summary>
public sealed class PoolRegistry
{
    private readonly PoolRegistryOptions _options;
    private readonly ConcurrentDictionary<string, Pool> _pools = new(StringComparer.Ordinal);
    private readonly PoolStateStore? _store;
    private readonly object _saveLock = new();
    private readonly Microsoft.Extensions.Logging.ILogger _logger;
    private FrozenDictionary<string, Pool> _lookup = FrozenDictionary<string, Pool>.Empty;

    /// <summary>Creates an empty registry; <paramref name="options"/> are validated once.</summary>
    public PoolRegistry(PoolRegistryOptions? options = null)
    {
        _options = options ?? new PoolRegistryOptions();
        _options.Validate();
        _store = _options.StateFilePath is { } path ? new PoolStateStore(path) : null;
        _logger = Microsoft.Extensions.Logging.LoggerFactoryExtensions.CreateLogger<PoolRegistry>(_options.LoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
    }

    /// <summary>Raised after any pool changed (outside locks).</summary>
    public event EventHandler<PoolSnapshot>? PoolChanged;

    /// <summary>All pools, in no particular order.</summary>
    public IReadOnlyCollection<Pool> Pools => _pools.Values.ToArray();

    /// <summary>Registers a pool in state <see cref="PoolState.Registered"/>.</summary>
    /// <exception cref="ArgumentException">When the id is empty or already registered, or the spec incomplete (see <see cref="EngineSpec.Validate"/>).</exception>
    /// <exception cref="IOException">When the state file cannot be saved; the pool is then not registered.</exception>
    /// <param name="id">The pool id, for example <c>gpu-0</c>.</param>
    /// <param name="spec">The engine it runs.</param>
    /// <param name="metadata">Free-form metadata, kept across reloads and manager restarts.</param>
    /// <param name="deviceMemoryMiB">The device memory the pool has, in MiB (<see cref="Pool.DeviceMemoryMiB"/>); null when not declared.</param>
    public Pool Register(string id, EngineSpec spec, IReadOnlyDictionary<string, string>? metadata = null, long? deviceMemoryMiB = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        if (deviceMemoryMiB is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(deviceMemoryMiB), deviceMemoryMiB, $"pool {id}: the device memory must be null or positive (MiB)");
        }

        var pool = new Pool(id, spec, new Dictionary<string, string>(metadata ?? new Dictionary<string, string>()), _options.MaxLeasesPerPool, deviceMemoryMiB);
        if (!_pools.TryAdd(id, pool))
        {
            throw new ArgumentException($"pool {id} is already registered", nameof(id));
        }

        pool.Changed += OnChanged;
        Refreeze();
        try
        {
            Save();
        }
        catch
        {
            // All or nothing: a pool whose save failed is not registered either.
            pool.Changed -= OnChanged;
            _pools.TryRemove(id, out _);
            Refreeze();
            throw;
        }

        return pool;
    }

    /// <summary>
    /// Registers every pool of the state file with its engine, metadata, crash and restart counts and
    /// last error (state <see cref="PoolState.Registered"/>, not live). Returns them.
    /// </summary>
    /// <exception cref="PoolStateFileException">When the file is corrupt; nothing is registered then.</exception>
    /// <exception cref="InvalidOperationException">When no state file is configured.</exception>
    public IReadOnlyList<Pool> LoadState()
    {
        var store = _store ?? throw new InvalidOperationException("no state file is configured (PoolRegistryOptions.StateFilePath)");
        var restored = new List<Pool>();
        foreach (var record in store.Load())
        {
            var spec = new EngineSpec(record.Command!, record.Arguments!, record.Model!, record.EngineVersion!) { MemoryMiB = record.MemoryMiB };
            var pool = new Pool(record.Id!, spec, record.Metadata ?? new Dictionary<string, string>(), _options.MaxLeasesPerPool, record.DeviceMemoryMiB);
            pool.Restore(record.CrashCount, record.RestartCount, record.LastError);
            if (_pools.TryAdd(pool.Id, pool))
            {
                pool.Changed += OnChanged;
                restored.Add(pool);
            }
        }

        Refreeze();
        return restored;
    }

    /// <summary>The pool with <paramref name="id"/>.</summary>
    /// <exception cref="PoolNotRegisteredException">"pool gpu-9 is not registered".</exception>
    public Pool Get(string id) => TryGet(id, out var pool) ? pool : throw new PoolNotRegisteredException(id);

    /// <summary>The pool with <paramref name="id"/>, if registered.</summary>
    public bool TryGet(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Pool? pool) => Volatile.Read(ref _lookup).TryGetValue(id, out pool);

    /// <summary>Tries to acquire a lease on pool <paramref name="id"/> (allocation-free).</summary>
    public LeaseRefusal TryAcquire(string id, out Lease lease)
    {
        if (Volatile.Read(ref _lookup).TryGetValue(id, out var pool))
        {
            return pool.TryAcquire(out lease);
        }

        lease = default;
        return LeaseRefusal.NotRegistered;
    }

    /// <summary>Acquires a lease on pool <paramref name="id"/>, or throws <see cref="LeaseRefusedException"/> saying why.</summary>
    public Lease Acquire(string id)
    {
        var refusal = TryAcquire(id, out var lease);
        return refusal == LeaseRefusal.None ? lease : throw new LeaseRefusedException(id, refusal);
    }

    /// <summary>Saves every pool to the state file now (no-op without one); throws when the file cannot be written.</summary>
    public void Save()
    {
        if (_store is null)
        {
            return;
        }

        lock (_saveLock)
        {
            _store.Save(_pools.Values.OrderBy(p => p.Id, StringComparer.Ordinal).Select(p => p.Snapshot()));
        }
    }

    /// <summary>Lookups read an immutable snapshot (registration is rare, leases are hot).</summary>
    private void Refreeze()
    {
        lock (_saveLock)
        {
            Volatile.Write(ref _lookup, _pools.ToFrozenDictionary(StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// A change has happened (the engine died, a drain began): it is not undone when the state file cannot be
    /// written, and the save failure does not escape into whoever made the change. It is logged; every save
    /// writes every pool, so the next one that succeeds writes this change too.
    /// </summary>
    private void OnChanged(object? sender, PoolSnapshot snapshot)
    {
        try
        {
            Save();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            PoolLog.SaveFailed(_logger, _store!.Path, snapshot.Id, e.Message);
        }

        PoolChanged?.Invoke(this, snapshot);
    }
}
