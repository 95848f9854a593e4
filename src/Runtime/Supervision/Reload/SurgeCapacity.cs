using Runtime.Supervision.Pools;

namespace Runtime.Supervision.Reload;

/// <summary>Whether a pool has room for a surge: its old and its new engine at once, in device memory.</summary>
public static class SurgeCapacity
{
    /// <summary>
    /// Null when <paramref name="old"/> and <paramref name="target"/> fit <paramref name="pool"/>'s device memory together;
    /// otherwise why not: "pool gpu-0 has 12000 MiB of device memory, both engines need 16000 MiB (llama-7b-v1 8000, llama-7b-v2 8000)".
    /// Undeclared memory (the pool's, or an engine's need) leaves no room: a surge is never a guess.
    /// </summary>
    public static string? WhyNoRoom(PoolSnapshot pool, EngineSpec old, EngineSpec target)
    {
        ArgumentNullException.ThrowIfNull(pool);
        ArgumentNullException.ThrowIfNull(old);
        ArgumentNullException.ThrowIfNull(target);
        if (pool.DeviceMemoryMiB is not { } has)
        {
            return $"pool {pool.Id} declares no device memory";
        }

        if (old.MemoryMiB is not { } oldNeeds)
        {
            return $"{old.VersionLabel} declares no memory need";
        }

        if (target.MemoryMiB is not { } newNeeds)
        {
            return $"{target.VersionLabel} declares no memory need";
        }

        var both = oldNeeds + newNeeds;
        return both <= has
            ? null
            : $"pool {pool.Id} has {has} MiB of device memory, both engines need {both} MiB ({old.Model} {oldNeeds}, {target.Model} {newNeeds})";
    }
}
