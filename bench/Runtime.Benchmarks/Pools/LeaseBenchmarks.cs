using BenchmarkDotNet.Attributes;
using Runtime.Supervision.Pools;

namespace Runtime.Benchmarks.Pools;

/// <summary>
/// Acquiring and releasing one lease on a ready pool, uncontended: the cost a request pays to enter and leave
/// a pool. Target: ≤ 50 ns and 0 B per acquire + release.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class LeaseBenchmarks
{
    private Pool _pool = null!;

    /// <summary>A ready pool gpu-0 with the default lease table.</summary>
    [GlobalSetup]
    public void Setup() => _pool = BenchPools.Ready(new PoolRegistry(), "gpu-0");

    /// <summary>TryAcquire then Release of one lease.</summary>
    [Benchmark]
    public bool AcquireAndRelease()
    {
        _pool.TryAcquire(out var lease);
        return lease.Release();
    }
}
