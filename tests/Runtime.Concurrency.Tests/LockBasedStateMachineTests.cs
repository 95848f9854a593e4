using Microsoft.Extensions.Time.Testing;
using Runtime.Budgets;
using Runtime.CircuitBreaker;
using Runtime.Crashes;
using Runtime.Drain;
using Runtime.Engines;
using Runtime.Pools;
using Runtime.Supervision;
using Runtime.Tracing;
using Xunit;

namespace Runtime.Concurrency.Tests;

/// <summary>The schedules Coyote explores: leases racing a drain, the half-open probe, budget reservation, the trace.</summary>
public sealed class LockBasedStateMachineTests
{
    private static readonly EngineSpec Spec = new("engine", ["--model", "{model}"], "llama-7b-v1", "1.0");

    [Fact]
    public void LeaseReleaseAndAcquire_RacingADrain_AlwaysCompleteItAndLeaveNoLease() => Schedules.Explore(async () =>
    {
        var registry = new PoolRegistry();
        var pool = registry.Register("gpu-0", Spec);
        pool.Transition(PoolState.Starting);
        pool.Transition(PoolState.Ready, m => m.SetEngine(4242, new Uri("http://127.0.0.1:1/"), live: true));
        using var drains = new DrainCoordinator(registry, new StoppingEngines(registry), new DrainOptions { TimeProvider = new FakeTimeProvider() });
        var held = pool.Acquire();

        var release = Task.Run(() => held.Release());
        var acquire = Task.Run(() =>
        {
            if (registry.TryAcquire("gpu-0", out var lease) == LeaseRefusal.None)
            {
                lease.Release();
            }
        });
        var drain = Task.Run(() => drains.DrainAsync("gpu-0", TimeSpan.FromSeconds(30)));
        await Task.WhenAll(release, acquire);
        var outcome = await drain;

        Schedules.Check(outcome.Status == DrainStatus.Completed, $"the drain should complete once every lease is released, not {outcome.Status}");
        Schedules.Check(pool.State == PoolState.Stopped, $"the drained pool should be stopped, not {pool.State}");
        Schedules.Check(pool.ActiveLeases == 0, $"no lease may be left, found {pool.ActiveLeases}");
        Schedules.Check(registry.TryAcquire("gpu-0", out _) == LeaseRefusal.NotReady, "a stopped pool grants no lease");
    });

    [Fact]
    public void HalfOpenCircuit_TwoRestartsAtOnce_AdmitExactlyOneProbe() => Schedules.Explore(async () =>
    {
        var time = new FakeTimeProvider();
        using var breaker = new PoolCircuitBreaker("gpu-0", new CircuitBreakerOptions(), time);
        for (var i = 0; i < CircuitBreakerConstants.DefaultFailureThreshold; i++)
        {
            breaker.RecordFailure(CrashReason.Signal);
        }

        time.Advance(CircuitBreakerConstants.DefaultOpenDuration);
        var first = Task.Run(() => breaker.RequestRestart().IsAllowed());
        var second = Task.Run(() => breaker.RequestRestart().IsAllowed());
        var admitted = await Task.WhenAll(first, second);

        Schedules.Check(admitted.Count(a => a) == 1, $"a half-open circuit admits exactly one probe, admitted {admitted.Count(a => a)}");
    });

    [Fact]
    public void BudgetReservations_RacingForOneBudget_NeverOvershootItOrItsParent() => Schedules.Explore(async () =>
    {
        var parent = new ResourceBudget("parent", new BudgetLimits(100));
        var child = new ResourceBudget("child", new BudgetLimits(80), parent);
        var attempts = new[]
        {
            Task.Run(() => child.TryAllocate(40).IsGranted),
            Task.Run(() => child.TryBeginRequest(40).IsGranted),
            Task.Run(() => parent.TryAllocate(40).IsGranted),
        };
        var granted = await Task.WhenAll(attempts);

        Schedules.Check(granted.Count(g => g) == 2, $"100 bytes fit two 40-byte reservations, granted {granted.Count(g => g)}");
        Schedules.Check(child.BytesInUse <= 80 && parent.BytesInUse <= 100, $"no limit may be overshot: child {child.BytesInUse}, parent {parent.BytesInUse}");
        Schedules.Check(parent.BytesInUse == 80, $"the parent counts both granted reservations, found {parent.BytesInUse}");
    });

    [Fact]
    public void TraceWriters_RecordingAtOnce_KeepEveryEventOnceInEachWritersOrder() => Schedules.Explore(async () =>
    {
        var collector = new TraceCollector(new TraceCollectorOptions { Capacity = 16, TimeProvider = new FakeTimeProvider() });
        var writers = Enumerable.Range(0, 3).Select(w => collector.Subscribe($"writer-{w}", "llama-7b-v1", "acme", $"writer-{w}")).ToArray();
        await Task.WhenAll(writers.Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 3; i++)
            {
                w.Record(TraceEventKind.Executed, i);
            }
        })));

        var events = collector.ReadAll();
        Schedules.Check(events.Count == 9 && collector.Dropped == 0, $"every event is kept once, found {events.Count}");
        Schedules.Check(events.Select(e => e.Sequence).Distinct().Count() == 9, "no sequence number is given twice");
        foreach (var writer in writers)
        {
            var values = collector.ReadContext(writer.ContextId).Select(e => e.Value).ToArray();
            Schedules.Check(values.SequenceEqual([0L, 1L, 2L]), $"{writer.ContextId}'s events should read back in order, not {string.Join(", ", values)}");
        }
    });

    /// <summary>Engines that stop at once: the pool is no longer live.</summary>
    private sealed class StoppingEngines(PoolRegistry registry) : IPoolEngines
    {
        public Task<EngineStartResult> StartEngineAsync(string poolId, EngineSpec spec, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("no engine is started in these schedules");

        public Task<EngineExit?> StopEngineAsync(string poolId, bool force, CancellationToken cancellationToken = default)
        {
            registry.Get(poolId).Update(m => m.SetEngine(null, null, live: false));
            return Task.FromResult<EngineExit?>(EngineExit.Exited(0));
        }

        public void TakeOver(string poolId, string reason)
        {
        }
    }
}
