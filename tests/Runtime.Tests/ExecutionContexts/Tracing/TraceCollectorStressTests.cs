using FluentAssertions;
using Runtime.ExecutionContexts.Tracing;
using Xunit;

namespace Runtime.Tests.ExecutionContexts.Tracing;

/// <summary>Concurrent writers (and a reader): exact recorded and dropped totals, no torn events, per-writer order.</summary>
public sealed class TraceCollectorStressTests
{
    private const int Writers = 8;
    private const int EventsPerWriter = 125_000;

    [Fact]
    public void Record_ConcurrentWritersOverflowing_CountsEveryEventExactly()
    {
        var collector = new TraceCollector(new TraceCollectorOptions { Capacity = 1024 });

        Write(collector);

        const long total = Writers * EventsPerWriter;
        var kept = collector.ReadAll();
        collector.Recorded.Should().Be(total);
        collector.Dropped.Should().Be(total - 1024);
        kept.Should().HaveCount(1024, "the ring is full and quiet: every slot holds one event");
        (kept.Count + collector.Dropped).Should().Be(total);
        kept.Select(e => e.Sequence).Should().OnlyHaveUniqueItems().And.OnlyContain(s => s > total - 1024, "only the newest events survive");
    }

    [Fact]
    public void Record_ConcurrentWritersWithinCapacity_KeepsEveryWriterCompleteAndInOrder()
    {
        var collector = new TraceCollector(new TraceCollectorOptions { Capacity = Writers * EventsPerWriter });

        Write(collector);

        collector.Dropped.Should().Be(0);
        for (var w = 0; w < Writers; w++)
        {
            var values = collector.ReadContext($"ctx-{w}").Select(e => e.Value).ToList();
            values.Should().HaveCount(EventsPerWriter);
            values.Should().BeInAscendingOrder("a writer's events read back in the order it wrote them");
        }
    }

    [Fact]
    public void ReadAll_WhileWritersOverwrite_NeverSeesATornEvent()
    {
        var collector = new TraceCollector(new TraceCollectorOptions { Capacity = 64 });
        var torn = 0L;
        var reads = 0L;

        ReadWhileWriting(collector, writers: 4, events: 200_000, read: () =>
        {
            var last = new Dictionary<string, long>();
            foreach (var e in collector.ReadAll())
            {
                // each writer w writes Value = w * 1e9 + i from context ctx-w: the pair must match, and in
                // sequence order each writer's values must increase (a slot overwritten while read would carry
                // its old sequence with its new values)
                if ($"ctx-{e.Value / 1_000_000_000}" != e.ContextId || e.Value <= last.GetValueOrDefault(e.ContextId, -1))
                {
                    torn++;
                }

                last[e.ContextId] = e.Value;
            }

            reads++;
        });

        torn.Should().Be(0);
        reads.Should().BeGreaterThan(0);
        collector.Recorded.Should().Be(800_000);
    }

    [Fact]
    public void ReadAll_WhileTwoWritersShareOneSlot_NeverSeesATornEvent()
    {
        // A ring of one slot: every write claims the same slot, so the two writers and the reader meet there all the
        // time. A write not claimed first, or a slot read while it is being written, shows as an event whose context
        // and value come from different writers, or that carries no sequence; an older event written over a newer one
        // shows as the slot's sequence going back.
        var collector = new TraceCollector(new TraceCollectorOptions { Capacity = 1 });
        var torn = 0L;
        var seen = 0L;
        var newest = 0L;

        ReadWhileWriting(collector, writers: 2, events: 300_000, read: () =>
        {
            foreach (var e in collector.ReadAll())
            {
                seen++;
                if ($"ctx-{e.Value / 1_000_000_000}" != e.ContextId || e.Sequence <= 0 || e.Sequence < newest)
                {
                    torn++;
                }

                newest = Math.Max(newest, e.Sequence);
            }
        });

        torn.Should().Be(0, "a slot is written by one writer at a time, never by an older event over a newer one, and read only once written");
        seen.Should().BeGreaterThan(0);
        collector.ReadAll().Should().ContainSingle().Which.Sequence.Should().Be(600_000, "the one slot holds the newest event");
    }

    /// <summary>Runs <paramref name="read"/> over and over on a thread of its own while <see cref="Write"/> runs.</summary>
    private static void ReadWhileWriting(TraceCollector collector, int writers, int events, Action read)
    {
        var done = 0;
        var reader = new Thread(() =>
        {
            while (Volatile.Read(ref done) == 0)
            {
                read();
            }
        });
        reader.Start();

        Write(collector, writers, events);
        Volatile.Write(ref done, 1);
        reader.Join();
    }

    private static void Write(TraceCollector collector, int writers = Writers, int events = EventsPerWriter)
    {
        using var start = new Barrier(writers);
        var threads = Enumerable.Range(0, writers).Select(w => new Thread(() =>
        {
            using var writer = collector.Subscribe($"ctx-{w}", "llama-7b-v1", "acme", $"ctx-{w}");
            start.SignalAndWait();
            for (var i = 0; i < events; i++)
            {
                writer.Record(TraceEventKind.Executed, (w * 1_000_000_000L) + i);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }
}
