using Runtime.Supervision.Pools;

namespace Runtime.Benchmarks.Pools;

/// <summary>Pools for benchmarks: registered and made ready with a pretend engine (no process).</summary>
internal static class BenchPools
{
    private static readonly EngineSpec Llama = new("/opt/engine/bin/serve", ["--model", "{model}"], "llama-7b-v1", "1.4.2");

    public static Pool Ready(PoolRegistry registry, string id)
    {
        var pool = registry.Register(id, Llama);
        pool.Transition(PoolState.Starting);
        pool.Transition(PoolState.Ready, m => m.SetEngine(4242, new Uri("http://127.0.0.1:8080/"), live: true));
        return pool;
    }
}
