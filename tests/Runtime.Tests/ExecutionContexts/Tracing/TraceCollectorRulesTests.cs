using FluentAssertions;
using Runtime.Tests.Support;
using Runtime.ExecutionContexts.Tracing;
using Xunit;

namespace Runtime.Tests.ExecutionContexts.Tracing;

/// <summary>Rules found unpinned by mutation testing (docs/mutation.md): refused arguments and rings of every size.</summary>
public sealed class TraceCollectorRulesTests
{
    private readonly TraceCollector _collector = new(new TraceCollectorOptions { Capacity = 8, TimeProvider = TestClock.New() });

    [Fact]
    public void Subscribe_NullIds_AreRefused()
    {
        FluentActions.Invoking(() => _collector.Subscribe(null!, "m", "t", "c")).Should().Throw<ArgumentNullException>().WithParameterName("contextId");
        FluentActions.Invoking(() => _collector.Subscribe("a", null!, "t", "c")).Should().Throw<ArgumentNullException>().WithParameterName("model");
        FluentActions.Invoking(() => _collector.Subscribe("a", "m", null!, "c")).Should().Throw<ArgumentNullException>().WithParameterName("tenant");
        FluentActions.Invoking(() => _collector.Subscribe("a", "m", "t", null!)).Should().Throw<ArgumentNullException>().WithParameterName("correlationId");
        _collector.Subscriptions.Should().Be(0);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    public void Listen_NoTenant_IsRefused(string? tenant) =>
        FluentActions.Invoking(() => _collector.Listen(tenant!, _ => { })).Should().Throw<ArgumentException>().WithParameterName("tenant");

    [Fact]
    public void Listen_NoCallback_IsRefused() =>
        FluentActions.Invoking(() => _collector.Listen("acme", null!)).Should().Throw<ArgumentNullException>().WithParameterName("onEvent");

    [Fact]
    public void Options_CapacityNotPositive_SaysSoInTheMessage() =>
        FluentActions.Invoking(() => new TraceCollector(new TraceCollectorOptions { Capacity = 0 })).Should()
            .Throw<ArgumentOutOfRangeException>().WithMessage("The trace capacity must be greater than zero events.*");

    [Fact]
    public void IsDisposed_TurnsTrueOnDispose()
    {
        var writer = _collector.Subscribe("a", "m", "t", "a");
        writer.IsDisposed.Should().BeFalse();

        writer.Dispose();

        writer.IsDisposed.Should().BeTrue();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(7)]
    public void Record_AnyCapacity_KeepsTheNewestThatMany(int capacity)
    {
        var collector = new TraceCollector(new TraceCollectorOptions { Capacity = capacity, TimeProvider = TestClock.New() });
        var writer = collector.Subscribe("a", "m", "t", "a");

        for (var i = 1; i <= 20; i++)
        {
            writer.Record(TraceEventKind.Executed, i);
        }

        collector.ReadAll().Select(e => e.Value).Should().Equal(Enumerable.Range(21 - capacity, capacity).Select(v => (long)v));
    }
}
