namespace Runtime.Supervision.Pools;

/// <summary>A consistent copy of a pool's state at one moment.</summary>
/// <param name="Id">The pool id, for example <c>gpu-0</c>.</param>
/// <param name="Spec">The engine it runs.</param>
/// <param name="Metadata">Free-form metadata, for example <c>CUDA_VISIBLE_DEVICES=0</c>.</param>
/// <param name="State">The lifecycle state.</param>
/// <param name="Live">True while an engine process runs.</param>
/// <param name="Ready">True only in <see cref="PoolState.Ready"/> with a serving engine.</param>
/// <param name="ActiveLeases">Leases acquired and not released yet.</param>
/// <param name="CrashCount">Crashes recorded since the pool was first registered (survives a manager restart).</param>
/// <param name="RestartCount">Restarts performed since the pool was first registered.</param>
/// <param name="LastError">The last crash or failure reason, or null.</param>
/// <param name="Pid">The engine process id, or null.</param>
/// <param name="Endpoint">The engine's loopback endpoint, or null.</param>
public sealed record PoolSnapshot(
    string Id,
    EngineSpec Spec,
    IReadOnlyDictionary<string, string> Metadata,
    PoolState State,
    bool Live,
    bool Ready,
    int ActiveLeases,
    int CrashCount,
    int RestartCount,
    string? LastError,
    int? Pid,
    Uri? Endpoint)
{
    /// <summary>The device memory the pool has, in MiB (<see cref="Pool.DeviceMemoryMiB"/>); null when not declared.</summary>
    public long? DeviceMemoryMiB { get; init; }
}
