using Reqnroll;
using FluentAssertions;
using Runtime.Contexts;
using Steps.Drivers;

namespace Steps.Contexts;

/// <summary>A context's request counters.</summary>
[Binding]
public sealed class CounterSteps(ContextDriver contexts)
{
    [Then("{word} counts {long} request(s), {long} success(es) and {long} failure(s)")]
    public void ThenCounts(string name, long requests, long successes, long failures) =>
        contexts.Context(name).Counters.Should().BeEquivalentTo(
            new { Requests = requests, Successes = successes, Failures = failures },
            $"{name} should count {requests} requests, {successes} successes and {failures} failures");

    [Then("{word} counts every request that ran: {long} success(es) and {long} failure(s)")]
    public void ThenCountsEveryRequest(string name, long successes, long failures) =>
        ThenCounts(name, contexts.RequestsRun, successes, failures);

    [Then("{word} counts {long} requests, as many successes and failures as the threads saw")]
    public void ThenCountsWhatTheThreadsSaw(string name, long requests)
    {
        ContextCounterSnapshot counters = contexts.Context(name).Counters;
        counters.Requests.Should().Be(requests, $"{name} should count every request exactly once");
        counters.Successes.Should().Be(contexts.SuccessesSeen, $"{name} should count every success the threads saw");
        counters.Failures.Should().Be(contexts.FailuresSeen, $"{name} should count every failure the threads saw");
    }
}
