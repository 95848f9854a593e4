using Runtime.Supervision.Pools;

namespace ManagerHost.Configuration;

/// <summary>Turns a configured pool into the runtime's <see cref="EngineSpec"/>.</summary>
internal static class PoolSpecs
{
    /// <summary>The placeholder of the directory manager-host runs from (where the engine stub of the sample lives).</summary>
    public const string ManagerDirectory = "{manager_dir}";

    public static EngineSpec From(PoolOptions pool) => new(
        Expand(pool.Command!),
        pool.Arguments.Select(Expand).ToArray(),
        pool.Model!,
        pool.EngineVersion!) { MemoryMiB = pool.ModelMemoryMiB };

    private static string Expand(string value) =>
        value.Replace(ManagerDirectory, AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
}
