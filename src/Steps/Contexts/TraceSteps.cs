using System.Globalization;
using Reqnroll;
using Reqnroll.Assist;
using FluentAssertions;
using Steps.Drivers;

namespace Steps.Contexts;

/// <summary>The shared trace collector: capacity, events per context, overflow accounting.</summary>
[Binding]
public sealed class TraceSteps(ContextDriver contexts)
{
    [Given("a trace keeping {int} events")]
    public void GivenATraceKeeping(int capacity) => contexts.KeepTraceEvents(capacity);

    [Then("the trace of {word} reads:")]
    public void ThenTheTraceReads(string name, DataTable expected)
    {
        var events = contexts.Traces.ReadContext(contexts.Context(name).Id);
        var actual = events.Select(e => new TraceRow(e.Kind.ToString(), e.ContextId, e.Model, e.Tenant, $"{(e.Time - contexts.Start).TotalSeconds:0} seconds"));
        expected.CompareToSet(actual, sequentialEquality: true);
    }

    [Then("the events of {word} are {kinds}")]
    public void ThenTheEventsAre(string name, TraceEventKinds kinds)
    {
        var events = contexts.Traces.ReadContext(contexts.Context(name).Id);
        events.Select(e => e.Kind).Should().Equal(kinds.Kinds, $"the trace of {name} should hold these events in this order");
        events.Select(e => e.Sequence).Should().BeInAscendingOrder($"the events of {name} should read back in order");
    }

    [Then("the events of {word} are correlated with {word}")]
    public void ThenTheEventsAreCorrelatedWith(string name, string root)
    {
        var family = contexts.Traces.ReadCorrelation(contexts.Context(root).Id);
        family.Should().Contain(e => e.ContextId == contexts.Context(name).Id, $"the events of {name} should be found with those of {root}");
    }

    [Then("the trace has recorded {long} events, kept {long} and dropped {long}")]
    public void ThenTheTraceHasRecorded(long recorded, long kept, long dropped)
    {
        var traces = contexts.Traces;
        traces.Recorded.Should().Be(recorded, "every event should be recorded once");
        traces.ReadAll().Should().HaveCount((int)kept, $"the trace should keep {kept} events");
        traces.Dropped.Should().Be(dropped, "every dropped event should be counted");
    }

    [Then("the trace accounts for every event:")]
    public void ThenTheTraceAccountsForEveryEvent(Table events)
    {
        long Count(string what) => long.Parse(events.Rows.Single(r => r["events"].StartsWith(what + ":", StringComparison.Ordinal))["count"], CultureInfo.InvariantCulture);
        var (recorded, kept, dropped) = (Count("recorded"), Count("kept"), Count("dropped"));
        ThenTheTraceHasRecorded(recorded, kept, dropped);
        (kept + dropped).Should().Be(recorded, "every recorded event is either kept or dropped");
    }

    [Then("the trace has {int} subscription(s)")]
    public void ThenTheTraceHasSubscriptions(int subscriptions) =>
        contexts.Traces.Subscriptions.Should().Be(subscriptions, $"{subscriptions} live contexts should be writing to the trace");
}

/// <summary>A trace event as the trace table shows it: columns event, context, model, tenant and at.</summary>
public sealed record TraceRow(string Event, string Context, string Model, string Tenant, string At);
