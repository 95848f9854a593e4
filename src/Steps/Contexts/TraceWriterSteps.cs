using FluentAssertions;
using Reqnroll;
using Steps.Drivers;

namespace Steps.Contexts;

/// <summary>The shared trace written by many threads at once, and tenants listening to it.</summary>
[Binding]
public sealed class TraceWriterSteps(ContextDriver contexts)
{
    [Given("a subscriber to the events of tenant {word}")]
    public void GivenSubscriber(string tenant) => contexts.Listen(tenant);

    [Given("a subscriber to the events of tenant {word} that throws on every {int}th event")]
    public void GivenThrowingSubscriber(string tenant, int every) => contexts.Listen(tenant, every);

    [When("{int} threads each record {long} events for a context of their own")]
    public void WhenThreadsRecord(int threads, long perThread) => contexts.RecordOnThreads(threads, perThread);

    [When("one thread records {long} events for a context of its own")]
    public void WhenOneThreadRecords(long events) => contexts.RecordOnThreads(1, events);

    [When("{int} threads each record {long} events for a context of their own, the contexts of {int} tenants in turn")]
    public void WhenThreadsRecordForTenants(int threads, long perThread, int tenants) => contexts.RecordOnThreads(threads, perThread, tenants);

    [Then("every thread's {long} events are in the trace once each, in the order it recorded them")]
    public void ThenEveryThreadsEvents(long perThread)
    {
        foreach (var writer in contexts.Writers)
        {
            var events = contexts.Traces.ReadContext(writer);
            events.Select(e => e.Value).Should().Equal(Enumerable.Range(0, (int)perThread).Select(i => (long)i), $"{writer}'s events should all be kept, once each, in order");
            events.Select(e => e.Sequence).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        }

        contexts.Traces.ReadAll().Select(e => e.Sequence).Should().OnlyHaveUniqueItems("no event is recorded twice");
    }

    /// <remarks>
    /// The smallest object takes 24 bytes, so a recording that allocated anything per event would show 24 bytes per event
    /// or more. Less than one byte per event is the bound, not zero bytes, because the runtime's per-thread counter
    /// sometimes includes a one-off allocation of its own on a writer thread (8,008 bytes once in a 10-million-event run).
    /// </remarks>
    /// <summary>Less than one byte per recorded event: a fixed cost of starting the thread, nothing per event.</summary>
    [Then("no writer thread allocated memory for the events it recorded")]
    public void ThenNoAllocationPerEvent()
    {
        var events = contexts.EventsPerWriter;
        contexts.WriterAllocations.Should().HaveCount(contexts.Writers.Count);
        contexts.WriterAllocations.Should().OnlyContain(bytes => bytes < events, $"each thread recorded {events} events, and recording an event allocates nothing, so memory per thread stays flat however long it runs");
    }

    [Then("the subscriber has heard {long} events, all of tenant {word}, each context's in the order recorded")]
    public void ThenSubscriberHeard(long count, string tenant)
    {
        var heard = contexts.Heard.ToList();
        heard.Should().HaveCount((int)count, $"the subscriber should hear every event of {tenant}, and only those");
        heard.Select(e => e.Tenant).Distinct().Should().Equal([tenant], $"a subscriber of {tenant} hears no other tenant");
        foreach (var context in heard.GroupBy(e => e.ContextId))
        {
            context.Select(e => e.Value).Should().BeInAscendingOrder($"{context.Key}'s events should arrive in the order recorded");
            context.Select(e => e.Sequence).Should().BeInAscendingOrder();
        }
    }

    [Then("the trace counts each of the subscriber's {long} failures: 1 in every {int} of the {long} events of {word}")]
    public void ThenListenerFaults(long count, int every, long heard, string tenant)
    {
        (heard / every).Should().Be(count, $"a subscriber failing on 1 in every {every} of {heard} events fails {heard / every} times");
        contexts.Traces.ListenerFaults.Should().Be(count, $"every failure of the subscriber to {tenant}'s events is counted, and the recording goes on");
    }
}
