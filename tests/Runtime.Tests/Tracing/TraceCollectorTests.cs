using FluentAssertions;
using Microsoft.Extensions.Time.Testing;
using Runtime.Tests.Support;
using Runtime.Tracing;
using Xunit;

namespace Runtime.Tests.Tracing;

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
        writer.Dispose();
        writer.Record(TraceEventKind.Executed);

        countWhileOpen.Should().Be(1);
        collector.Subscriptions.Should().Be(0);
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
}
