using Reqnroll;
using FluentAssertions;
using Runtime.ExecutionContexts;
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

    [Then("{word} counts {long} requests, each served or refused for its budget as the threads saw it, some served")]
    public void ThenCountsServedOrRefusedForBudget(string name, long requests)
    {
        var counters = contexts.Context(name).Counters;
        var seen = contexts.OutcomesSeen[contexts.Context(name).TenantId];
        seen.Keys.Should().BeSubsetOf([ContextOutcome.Succeeded, ContextOutcome.BudgetExceeded], $"a request on {name} is either served or refused for its budget");
        counters.Should().BeEquivalentTo(
            new { Requests = requests, Successes = seen.GetValueOrDefault(ContextOutcome.Succeeded), Failures = seen.GetValueOrDefault(ContextOutcome.BudgetExceeded) },
            $"{name} should count every request once, as the threads saw it");
        counters.Successes.Should().BePositive($"a budget that holds some requests at once should serve some of {name}'s requests");
    }

    [Then("all {long} requests of tenant {word} were refused {refusal}")]
    public void ThenAllRefused(long requests, string tenant, ContextOutcome refusal) =>
        contexts.OutcomesSeen[tenant].Should().Equal(new Dictionary<ContextOutcome, long> { [refusal] = requests }, $"every request of tenant {tenant} should be refused with {refusal}");
}
