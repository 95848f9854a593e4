namespace Runtime.Supervision.Reload;

/// <summary>How a reload swaps a pool's engine.</summary>
public enum ReloadStrategy
{
    /// <summary>
    /// Drain the pool, stop the old engine, start the new one and wait for its health check. Requests that arrive in
    /// between are refused (draining, then not ready) for the whole swap. Needs no room for a second engine. The default.
    /// </summary>
    DrainFirst,

    /// <summary>
    /// Start the new engine first, beside the old one; once healthy, new leases go to it at once while the leases held on
    /// the old engine finish there; then the old engine stops (gracefully, or by force at the reload's deadline). Nothing
    /// is refused. Needs room for both engines (<see cref="Pools.Pool.DeviceMemoryMiB"/>, <see cref="Pools.EngineSpec.MemoryMiB"/>):
    /// without it the reload falls back to <see cref="DrainFirst"/> and says so (<see cref="ReloadResult.FallbackReason"/>).
    /// </summary>
    Surge,
}

/// <summary>Stable snake_case names of <see cref="ReloadStrategy"/> (the <c>reload.strategy</c> tag of <c>runtime.reload.duration</c>).</summary>
public static class ReloadStrategyNames
{
    /// <summary>The name of <paramref name="strategy"/>: drain_first, surge.</summary>
    public static string GetName(ReloadStrategy strategy) => strategy switch
    {
        ReloadStrategy.DrainFirst => "drain_first",
        ReloadStrategy.Surge => "surge",
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown reload strategy."),
    };
}
