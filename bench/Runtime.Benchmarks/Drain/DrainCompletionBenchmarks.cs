using BenchmarkDotNet.Attributes;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;

namespace Runtime.Benchmarks.Drain;

/// <summary>
/// One drain cycle of a pool holding one lease: start the drain (engine kept), release the last lease, await
/// the drain's completion, make the pool ready again. Completion is event-driven, so the whole cycle is an upper
/// bound of the latency from the last release to completion. Target: within 1 ms. The distribution of that
/// latency alone comes from <see cref="DrainLatencyHarness"/>.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class DrainCompletionBenchmarks
{
    private PoolRegistry _registry = null!;
    private Pool _pool = null!;
    private DrainCoordinator _drains = null!;

    /// <summary>A ready pool gpu-0 and a drain coordinator on the system clock.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _registry = new PoolRegistry();
        _pool = Pools.BenchPools.Ready(_registry, "gpu-0");
        _drains = new DrainCoordinator(_registry, new NoEngines());
    }

    /// <summary>Releases the coordinator.</summary>
    [GlobalCleanup]
    public void Cleanup() => _drains.Dispose();

    /// <summary>Drain start, last release, completion awaited.</summary>
    [Benchmark]
    public async Task<DrainStatus> DrainCycle_LastReleaseToCompletion()
    {
        var lease = _pool.Acquire();
        var drain = _drains.DrainAsync("gpu-0", TimeSpan.FromMinutes(1), DrainMode.KeepEngine);
        lease.Release();
        var outcome = await drain;

        // A drain that keeps the engine has given the pool back Ready by the time it returns.
        return outcome.Status;
    }
}
