using Runtime.Supervision.Pools;

namespace Runtime.Tests.Supervision.Pools;

/// <summary>Pools for tests that do not need a real engine.</summary>
internal static class PoolTestData
{
    public static readonly EngineSpec Llama = new("/opt/engine/bin/serve", ["--model", "{model}"], "llama-7b-v1", "1.4.2");

    /// <summary>Registers <paramref name="id"/> and makes it ready with a (pretend) engine.</summary>
    public static Pool ReadyPool(PoolRegistry registry, string id = "gpu-0")
    {
        var pool = registry.Register(id, Llama, new Dictionary<string, string> { ["CUDA_VISIBLE_DEVICES"] = "0" });
        MakeReady(pool);
        return pool;
    }

    public static void MakeReady(Pool pool, int pid = 4242)
    {
        if (pool.State != PoolState.Starting)
        {
            pool.Transition(PoolState.Starting);
        }

        pool.Transition(PoolState.Ready, m => m.SetEngine(pid, new Uri("http://127.0.0.1:8080/"), live: true));
    }
}
