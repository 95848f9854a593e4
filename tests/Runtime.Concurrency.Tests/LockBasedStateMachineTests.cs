using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using Runtime.ExecutionContexts.Budgets;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.ExecutionContexts.Tracing;
using Xunit;

namespace Runtime.Concurrency.Tests;

/// <summary>The schedules Coyote explores: the half-open probe (lock-based), budget reservation and the trace (lock-free); leases: <see cref="LeaseProtocolTests"/>.</summary>
public sealed class LockBasedStateMachineTests
{
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
        Schedules.Check(parent.Snapshot().PeakBytes == 80, $"the parent's peak is the most it ever held at once, 80 bytes, not {parent.Snapshot().PeakBytes}");
    }, Schedules.AtEveryAtomicOperation);

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
            Schedules.Check(values.Length == 3 && values[0] == 0 && values[1] == 1 && values[2] == 2, $"{writer.ContextId}'s events should read back in order, not {string.Join(", ", values)}");
        }
    }, Schedules.AtEveryAtomicOperation);

    [Fact]
    public void TraceWritersAndAReader_OverflowingTheRing_SeeOnlyRecordedEventsAndKeepTheNewest() => Schedules.Explore(async () =>
    {
        var collector = new TraceCollector(new TraceCollectorOptions { Capacity = 2, TimeProvider = new FakeTimeProvider() });
        var recorded = new ConcurrentDictionary<long, TraceEvent>(); // what was recorded, as each writer's listener heard it
        using var listening = collector.Listen("acme", e => recorded[e.Sequence] = e);
        var writers = Enumerable.Range(0, 3).Select(w => collector.Subscribe($"writer-{w}", "llama-7b-v1", "acme", $"writer-{w}")).ToArray();
        var seen = new ConcurrentQueue<TraceEvent>();
        var writing = writers.Select((w, n) => Task.Run(() =>
        {
            w.Record(TraceEventKind.Executed, (n * 10) + 1);
            w.Record(TraceEventKind.Executed, (n * 10) + 2);
        }));
        var reading = Task.Run(() =>
        {
            for (var round = 0; round < 2; round++)
            {
                foreach (var e in collector.ReadAll())
                {
                    seen.Enqueue(e);
                }
            }
        });
        await Task.WhenAll([.. writing, reading]);

        foreach (var e in seen)
        {
            Schedules.Check(recorded.TryGetValue(e.Sequence, out var truth) && truth == e,
                $"a reader saw event {e.Sequence} as {e.ContextId} = {e.Value}, which was never recorded so: overwritten while read");
        }

        var kept = collector.ReadAll();
        Schedules.Check(kept.Select(e => e.Sequence).SequenceEqual([5L, 6L]), $"the ring keeps the newest two events, kept {string.Join(", ", kept.Select(e => e.Sequence))}");
        Schedules.Check(kept.All(e => recorded[e.Sequence] == e), "every kept event is whole: one writer's identity and value");
    }, Schedules.AtEveryAtomicOperation);
}
