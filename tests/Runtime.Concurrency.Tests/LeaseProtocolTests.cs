using Runtime.Supervision.Pools;
using Xunit;

namespace Runtime.Concurrency.Tests;

/// <summary>
/// Leases racing a drain's completion, explored by Coyote at every atomic and volatile operation of the lock-free
/// lease table. The drain's completion is the pool's idle signal: the drain closes the gate, then waits for it. The
/// coordinator's decision after the signal (joins, deadline, engine stop) is lock-based and raced 1,000 times by
/// drain.feature with real engines. The signal is read, never awaited: its continuation would run outside Coyote's control.
/// </summary>
public sealed class LeaseProtocolTests
{
    private static readonly EngineSpec Spec = new("engine", ["--model", "{model}"], "llama-7b-v1", "1.0");

    [Fact]
    public void LeasesReleasedAndAcquired_RacingADrain_CompleteItOnceNoLeaseIsLeft() => Schedules.Explore(
        async () =>
        {
            var pool = ReadyPool();
            var held = pool.Acquire();
            Task? idle = null;

            var release = Task.Run(() => held.Release());
            var acquire = Task.Run(() =>
            {
                if (pool.TryAcquire(out var lease) == LeaseRefusal.None)
                {
                    var drainSawIdle = Volatile.Read(ref idle) is { IsCompleted: true };
                    Schedules.Check(!drainSawIdle, $"the drain saw the pool idle while lease {lease.Id} was held");
                    lease.Release();
                }
            });
            var drain = Task.Run(() =>
            {
                pool.Transition(PoolState.Draining);
                Volatile.Write(ref idle, pool.WhenIdle());
            });
            await Task.WhenAll(release, acquire, drain);

            Schedules.Check(idle!.IsCompleted, "the drain should complete once every lease is released");
            Schedules.Check(pool.ActiveLeases == 0 && pool.ActiveLeaseIds().Count == 0, $"no lease may be left, found {pool.ActiveLeases}");
            Schedules.Check(pool.TryAcquire(out _) == LeaseRefusal.Draining, "a draining pool grants no lease");
        },
        Schedules.AtEveryAtomicOperation);

    [Fact]
    public void ALeaseGrantedAsTheDrainStarts_KeepsItOpenUntilReleased() => Schedules.Explore(
        async () =>
        {
            var pool = ReadyPool();
            var acquire = Task.Run(() => pool.TryAcquire(out var lease) == LeaseRefusal.None ? lease : default);
            Task? idle = null;
            var drain = Task.Run(() =>
            {
                pool.Transition(PoolState.Draining);
                idle = pool.WhenIdle();
            });
            var lease = await acquire;
            await drain;

            if (lease.IsValid)
            {
                Schedules.Check(!idle!.IsCompleted, "the drain may not complete while a granted lease is held");
                lease.Release();
            }

            Schedules.Check(idle!.IsCompleted, "the drain should complete once the last lease is released");
        },
        Schedules.AtEveryAtomicOperation);

    private static Pool ReadyPool()
    {
        var registry = new PoolRegistry();
        var pool = registry.Register("gpu-0", Spec);
        pool.Transition(PoolState.Starting);
        pool.Transition(PoolState.Ready, m => m.SetEngine(4242, new Uri("http://127.0.0.1:1/"), live: true));
        return pool;
    }
}
