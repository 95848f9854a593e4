using FluentAssertions;
using Reqnroll;
using Runtime.ExecutionContexts;
using Steps.Assertions;
using Steps.Drivers;

namespace Steps.Contexts;

/// <summary>Tenants running requests on contexts.</summary>
[Binding]
public sealed class RequestSteps(ContextDriver contexts)
{
    [Given("tenant {word} has run {int} request(s) on {word}")]
    [When("tenant {word} runs {int} request(s) on {word}")]
    public Task WhenTenantRuns(string tenant, int count, string name) => contexts.RunAsync(tenant, name, count);

    [When("tenant {word} runs {int} request(s) needing {size} each on {word}")]
    public Task WhenTenantRunsNeeding(string tenant, int count, ByteCount memory, string name) => contexts.RunAsync(tenant, name, count, memory.Bytes);

    [When("tenant {word} attempts to run a request on {word}")]
    public Task WhenTenantAttemptsToRun(string tenant, string name) => contexts.AttemptRunAsync(tenant, name);

    [When("tenant {word} attempts to run a request needing {size} on {word}")]
    public Task WhenTenantAttemptsToRunNeeding(string tenant, ByteCount memory, string name) => contexts.AttemptRunAsync(tenant, name, memory.Bytes);

    [When("tenant {word} starts {int} request(s) on {word}")]
    public void WhenTenantStarts(string tenant, int count, string name) => contexts.StartRequests(tenant, name, count);

    [Given("tenant {word} has started {int} request(s) needing {size} each on {word}")]
    public void GivenTenantStartedNeeding(string tenant, int count, ByteCount memory, string name) => contexts.StartRequests(tenant, name, count, memory.Bytes);

    [Given("a request needing {size} on {word} has been refused for lack of memory in {word}")]
    public Task GivenARequestRefusedByAParent(ByteCount memory, string name, string refuser) => contexts.RunRefusedForMemoryAsync(name, memory.Bytes, refuser);

    [Then("the first {int} requests are served and the other {int} are refused with {string}")]
    public void ThenTheFirstAreServed(int served, int refused, string message)
    {
        contexts.Answers.Should().HaveCount(served + refused, $"{served + refused} requests should have run");
        for (var i = 0; i < contexts.Answers.Count; i++)
        {
            var answer = contexts.Answers[i];
            if (i < served)
            {
                answer.IsSuccess.Should().BeTrue($"request {i + 1} should be served (it was answered: {answer})");
            }
            else
            {
                answer.Outcome.Should().Be(ContextOutcome.BudgetExceeded, $"request {i + 1} should be refused by the budget (it was answered: {answer})");
                answer.Error.ShouldRead(message, $"request {i + 1} should be refused, saying why");
            }
        }
    }

    [When("the started requests have answered")]
    public Task WhenTheStartedRequestsHaveAnswered() => contexts.WaitForStartedAsync();
}
