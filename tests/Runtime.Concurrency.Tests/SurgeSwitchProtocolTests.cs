using Runtime.Supervision.Pools;
using Xunit;

namespace Runtime.Concurrency.Tests;

/// <summary>
/// A lease acquired while a surge switches the pool to its new engine, explored by Coyote at every atomic and volatile
/// operation: the lease is counted on exactly one engine, the one its endpoint names, and the old engine's idle signal
/// (which lets the surge stop it) never fires while a lease on it is held.
/// </summary>
public sealed class SurgeSwitchProtocolTests
{
    private static readonly EngineSpec Spec = new("engine", ["--model", "{model}"], "llama-7b-v1", "1.0");
    private static readonly Uri OldEndpoint = new("http://127.0.0.1:1/");
    private static readonly Uri NewEndpoint = new("http://127.0.0.1:2/");

    [Fact]
    public void ALeaseGrantedAsTheSurgeSwitches_IsCountedOnTheEngineItsEndpointNames() => Schedules.Explore(
        async () =>
        {
            var registry = new PoolRegistry();
            var pool = registry.Register("gpu-0", Spec);
            pool.Transition(PoolState.Starting);
            pool.Transition(PoolState.Ready, m => m.SetEngine(4242, OldEndpoint, live: true));
            Task? oldIdle = null;

            var acquire = Task.Run(() => pool.TryAcquire(out var lease) == LeaseRefusal.None ? lease : default);
            var surge = Task.Run(() =>
            {
                EngineLeases? old = null;
                pool.Update(m => old = m.SwitchEngine(new EngineLeases(NewEndpoint), Spec with { Model = "llama-7b-v2" }, 4343, NewEndpoint));
                Volatile.Write(ref oldIdle, old!.WhenIdle());
            });
            var lease = await acquire;
            await surge;

            Schedules.Check(lease.IsValid, "a ready pool grants the lease");
            if (lease.Endpoint == OldEndpoint)
            {
                Schedules.Check(!oldIdle!.IsCompleted, $"the surge saw the old engine idle while lease {lease.Id} on it was held");
                lease.Release();
                Schedules.Check(oldIdle.IsCompleted, "the old engine is idle once its last lease is released");
            }
            else
            {
                Schedules.Check(lease.Endpoint == NewEndpoint, $"the lease names an engine of the pool, not {lease.Endpoint}");
                Schedules.Check(oldIdle!.IsCompleted, "the old engine holds no lease");
                lease.Release();
            }

            Schedules.Check(pool.ActiveLeases == 0, $"no lease may be left, found {pool.ActiveLeases}");
        },
        Schedules.AtEveryAtomicOperation);
}
