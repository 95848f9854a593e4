using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Runtime.Tests.Support;
using Runtime.ExecutionContexts.Tracing;
using Xunit;

namespace Runtime.Tests.ExecutionContexts.Tracing;

public sealed class TraceCollectorTests
{
    private readonly FakeTimeProvider _time = TestClock.New();

    [Fact]
    public void Record_AnEvent_CarriesIdentityKindTimeAndSequence()
    {
        var collector = Collector(8);
        using var writer = collector.Subscribe("acme/llama-7b-v1#1", "llama-7b-v1", "acme", "acme/llama-7b-v1#1");
        _time.Advance(TimeSpan.FromSeconds(3));

        writer.Record(TraceEventKind.Executed, 42);

        collector.ReadContext("acme/llama-7b-v1#1").Should().ContainSingle().Which.Should().Be(new TraceEvent
        {
            Sequence = 1,
            Time = TestClock.Start.AddSeconds(3),
            ContextId = "acme/llama-7b-v1#1",
            Model = "llama-7b-v1",
            Tenant = "acme",
            CorrelationId = "acme/llama-7b-v1#1",
            Kind = TraceEventKind.Executed,
            Value = 42,
        });
    }

    [Fact]
    public void ReadContext_InterleavedWriters_GivesEachContextItsEventsInOrder()
    {
        var collector = Collector(16);
        var a = collector.Subscribe("a", "llama-7b-v1", "acme", "a");
        var b = collector.Subscribe("b", "mistral-7b", "globex", "b");

        for (var i = 0; i < 3; i++)
        {
            a.Record(TraceEventKind.Executed, i);
            b.Record(TraceEventKind.Executed, 100 + i);
        }

        collector.ReadContext("a").Select(e => e.Value).Should().Equal(0, 1, 2);
        collector.ReadContext("b").Select(e => e.Value).Should().Equal(100, 101, 102);
        collector.ReadContext("a").Select(e => e.Sequence).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Record_BeyondCapacity_DropsTheOldestAndCountsThem()
    {
        var collector = Collector(4);
        var writer = collector.Subscribe("a", "m", "t", "a");

        for (var i = 1; i <= 6; i++)
        {
            writer.Record(TraceEventKind.Executed, i);
        }

        collector.ReadAll().Select(e => e.Value).Should().Equal(3, 4, 5, 6);
        collector.Dropped.Should().Be(2);
        collector.Recorded.Should().Be(6);
        collector.Retained.Should().Be(4);
    }

    [Fact]
    public void Record_CapacityNotAPowerOfTwo_KeepsExactlyThatMany()
    {
        var collector = Collector(5);
        var writer = collector.Subscribe("a", "m", "t", "a");

        for (var i = 1; i <= 12; i++)
        {
            writer.Record(TraceEventKind.Executed, i);
        }

        collector.ReadAll().Select(e => e.Value).Should().Equal(8, 9, 10, 11, 12);
        collector.Dropped.Should().Be(7);
    }

    [Fact]
    public void Subscribe_ThenDispose_IsCountedAndSilencesTheWriter()
    {
        var collector = Collector(8);
        var writer = collector.Subscribe("a", "m", "t", "a");
        var countWhileOpen = collector.Subscriptions;

        writer.Dispose();
        var countOnceDisposed = collector.Subscriptions;
        writer.Dispose();
        writer.Record(TraceEventKind.Executed);

        countWhileOpen.Should().Be(1);
        countOnceDisposed.Should().Be(0, "the first disposal ends the subscription");
        collector.Subscriptions.Should().Be(0, "a second disposal changes nothing");
        collector.Recorded.Should().Be(0);
    }

    [Fact]
    public void ReadCorrelation_GivesTheWholeFamily()
    {
        var collector = Collector(8);
        collector.Subscribe("root", "m", "t", "root").Record(TraceEventKind.Created);
        collector.Subscribe("root.1", "m", "t", "root").Record(TraceEventKind.Created);
        collector.Subscribe("other", "m", "t", "other").Record(TraceEventKind.Created);

        collector.ReadCorrelation("root").Select(e => e.ContextId).Should().Equal("root", "root.1");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_CapacityNotPositive_IsRefused(int capacity)
    {
        var act = () => new TraceCollector(new TraceCollectorOptions { Capacity = capacity });

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("Capacity");
    }

    private TraceCollector Collector(int capacity) => new(new TraceCollectorOptions { Capacity = capacity, TimeProvider = _time });

    [Fact]
    public void Record_ClockThrowsMidRecord_LeavesTheCollectorConsistent()
    {
        var clock = new FailingClock(_time);
        var collector = new TraceCollector(new TraceCollectorOptions { Capacity = 4, TimeProvider = clock });
        using var writer = collector.Subscribe("acme/llama-7b-v1#1", "llama-7b-v1", "acme", "acme/llama-7b-v1#1");
        writer.Record(TraceEventKind.Executed, 1);
        clock.Failing = true;

        var act = () => writer.Record(TraceEventKind.Executed, 2);

        act.Should().Throw<InvalidOperationException>();
        clock.Failing = false;
        for (var i = 3; i <= 10; i++)
        {
            writer.Record(TraceEventKind.Executed, i);
        }

        collector.Recorded.Should().Be(9, "the failed record took no sequence number");
        collector.ReadAll().Select(e => e.Value).Should().Equal(7, 8, 9, 10);
        (collector.Retained + collector.Dropped).Should().Be(collector.Recorded);
    }

    [Fact]
    public void Listen_ListenerThrows_TheEventIsKeptAndTheFaultCounted()
    {
        var collector = Collector(8);
        using var writer = collector.Subscribe("acme/llama-7b-v1#1", "llama-7b-v1", "acme", "acme/llama-7b-v1#1");
        using var other = collector.Subscribe("globex/phi-3#2", "phi-3", "globex", "globex/phi-3#2");
        var heard = new List<long>();
        using var listening = collector.Listen("acme", e =>
        {
            heard.Add(e.Value);
            throw new InvalidOperationException("listener failed");
        });

        writer.Record(TraceEventKind.Executed, 1);
        other.Record(TraceEventKind.Executed, 2);
        writer.Record(TraceEventKind.Executed, 3);

        heard.Should().Equal(1, 3);
        collector.ListenerFaults.Should().Be(2);
        collector.ReadAll().Select(e => e.Value).Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Listen_Disposed_HearsNothingMore()
    {
        var collector = Collector(8);
        using var writer = collector.Subscribe("acme/llama-7b-v1#1", "llama-7b-v1", "acme", "acme/llama-7b-v1#1");
        var heard = 0;
        var listening = collector.Listen("acme", _ => heard++);
        writer.Record(TraceEventKind.Executed, 1);

        listening.Dispose();
        writer.Record(TraceEventKind.Executed, 2);

        heard.Should().Be(1);
    }

    private sealed class FailingClock(TimeProvider inner) : TimeProvider
    {
        public bool Failing { get; set; }

        public override long GetTimestamp() => Failing ? throw new InvalidOperationException("clock failed") : inner.GetTimestamp();

        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

        public override long TimestampFrequency => inner.TimestampFrequency;
    }
}
