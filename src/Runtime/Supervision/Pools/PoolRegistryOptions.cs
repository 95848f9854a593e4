namespace Runtime.Supervision.Pools;

/// <summary>Options of <see cref="PoolRegistry"/>. Defaults in <see cref="PoolDefaults"/>.</summary>
public sealed class PoolRegistryOptions
{
    /// <summary>Lease slots per pool; acquiring beyond is refused with <see cref="LeaseRefusal.Exhausted"/>. Default 1024.</summary>
    public int MaxLeasesPerPool { get; set; } = PoolDefaults.MaxLeasesPerPool;

    /// <summary>
    /// The state file saved after every change (atomically) and read by <see cref="PoolRegistry.LoadState"/>;
    /// null (the default) keeps the state in memory only.
    /// </summary>
    public string? StateFilePath { get; set; }

    /// <summary>Makes the logger (category <c>Runtime.Supervision.Pools.PoolRegistry</c>) where a state file that cannot be saved is reported (event <c>StateSaveFailed</c>). Default: nowhere.</summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Checks the options once; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (MaxLeasesPerPool > PoolDefaults.MaxLeasesPerPoolLimit)
        {
            throw new ArgumentException($"PoolRegistryOptions.MaxLeasesPerPool must be at most {PoolDefaults.MaxLeasesPerPoolLimit} (each slot is allocated at registration), got {MaxLeasesPerPool}.", nameof(MaxLeasesPerPool));
        }

        if (MaxLeasesPerPool < 1)
        {
            throw new ArgumentException($"PoolRegistryOptions.MaxLeasesPerPool must be at least 1, got {MaxLeasesPerPool}.", nameof(MaxLeasesPerPool));
        }

        if (StateFilePath is { } path && string.IsNullOrWhiteSpace(path))
        {
            throw new ArgumentException("PoolRegistryOptions.StateFilePath must be null or a file path, got an empty string.", nameof(StateFilePath));
        }
    }
}
