using Reqnroll;
using Steps.Drivers;

namespace Steps.Contexts;

/// <summary>Tenants running requests on contexts.</summary>
[Binding]
public sealed class RequestSteps(ContextDriver contexts)
{
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

    [When("the started requests have answered")]
    public Task WhenTheStartedRequestsHaveAnswered() => contexts.WaitForStartedAsync();
}
