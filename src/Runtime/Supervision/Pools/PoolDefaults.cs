namespace Runtime.Supervision.Pools;

/// <summary>Defaults of <see cref="PoolRegistryOptions"/>.</summary>
public static class PoolDefaults
{
    /// <summary>Lease slots per pool (the most leases a pool holds at once): 1024.</summary>
    public const int MaxLeasesPerPool = 1024;

    /// <summary>The most lease slots a pool may have: 1,048,576 (slots are allocated when the pool is registered).</summary>
    public const int MaxLeasesPerPoolLimit = 1 << 20;

    /// <summary>Version of the state file format written by <see cref="PoolStateStore"/>: 1.</summary>
    public const int StateFileVersion = 1;

    /// <summary>The largest state file <see cref="PoolStateStore"/> reads: 16 MiB (about 50,000 pools), so a runaway file cannot exhaust memory.</summary>
    public const long MaxStateFileBytes = 16L * 1024 * 1024;
}
