using System.Net;
using FluentAssertions;
using Reqnroll;
using Runtime.Supervision.Engines;
using Steps.Drivers;
using Steps.Assertions;

namespace Steps.Supervision;

/// <summary>An operator at the manager's HTTP API: actions on pools, leases, and what the API answers and shows.</summary>
[Binding]
public sealed class ManagerApiSteps(ManagerServiceDriver service, ManagerApiClient api)
{
    [When("the operator drains pool {word} over the API within {int} seconds")]
    public Task Drains(string pool, int seconds) =>
        api.SendAsync(HttpMethod.Post, $"/pools/{pool}/drain", $$"""{"deadlineSeconds":{{seconds}}}""");

    [Given("pool {word} has been drained over the API")]
    public async Task Drained(string pool)
    {
        (await api.SendAsync(HttpMethod.Post, $"/pools/{pool}/drain", "{}")).Status.Should().Be(HttpStatusCode.OK, "the drain should complete");
        await ShowsState(pool, "Stopped");
    }

    [Given("the operator has begun to drain pool {word} over the API within {int} seconds")]
    public async Task BegunDraining(string pool, int seconds)
    {
        // The drain answers when it ends: the request stays in flight while the scenario goes on.
        var drain = api.SendAsync(HttpMethod.Post, $"/pools/{pool}/drain", $$"""{"deadlineSeconds":{{seconds}}}""");
        _ = drain.ContinueWith(t => t.Exception, TaskScheduler.Default);
        await ShowsState(pool, "Draining");
    }

    [When("the operator reloads pool {word} to {word} over the API")]
    public Task Reloads(string pool, string model) =>
        api.SendAsync(HttpMethod.Post, $"/pools/{pool}/reload", $$"""{"model":"{{model}}","drainDeadlineSeconds":5}""");

    [When("the operator resets the circuit of pool {word} over the API")]
    public async Task ResetsCircuit(string pool) =>
        (await api.SendAsync(HttpMethod.Post, $"/pools/{pool}/circuit/reset")).Status.Should().Be(HttpStatusCode.OK, api.Last!.Body);

    [Given("an operator holds a lease on pool {word} through the API")]
    public async Task HoldsLease(string pool) =>
        (await api.TakeLeaseAsync(pool)).Status.Should().Be(HttpStatusCode.Created, $"pool {pool} should grant a lease: {api.Last!.Body}");

    [When("the operator releases the lease on pool {word} over the API")]
    public async Task ReleasesLease(string pool) =>
        (await api.ReleaseLeaseAsync(pool)).Status.Should().Be(HttpStatusCode.NoContent, $"the lease should be released: {api.Last!.Body}");

    [When("the engine the manager service runs for pool {word} is killed by SIGKILL")]
    public async Task EngineKilled(string pool)
    {
        var pid = (await api.PoolAsync(pool)).GetProperty("pid").GetInt32();
        SignalSender.Send(pid, Signals.SIGKILL).Should().BeTrue($"the engine of pool {pool} should be running");
    }

    [Given("the engine the manager service runs for pool {word} has crashed and restarted once")]
    public async Task CrashedAndRestarted(string pool)
    {
        await EngineKilled(pool);
        await api.EventuallyAsync(() => api.PoolAsync(pool),
            p => p.GetProperty("state").GetString() == "Ready" && p.GetProperty("restartCount").GetInt32() == 1,
            $"pool {pool} to be ready again after its restart");
    }

    [Then("the API shows pool {word} as {word}, with {int} crash(es) and {int} restart(s)")]
    public Task ShowsCounts(string pool, string state, int crashes, int restarts) =>
        api.EventuallyAsync(() => api.PoolAsync(pool),
            p => p.GetProperty("state").GetString() == state && p.GetProperty("crashCount").GetInt32() == crashes && p.GetProperty("restartCount").GetInt32() == restarts,
            $"the API to show pool {pool} as {state} with {crashes} crashes and {restarts} restarts");

    [Given("the manager service has stopped pool {word}, its circuit opened by a crash")]
    public async Task StoppedByItsCircuit(string pool)
    {
        await EngineKilled(pool);
        await ShowsCircuit(pool, "Failed", "open");
    }

    [When("the operator lets one restart of pool {word} through over the API")]
    public Task AllowsOneRestart(string pool) => api.SendAsync(HttpMethod.Post, $"/pools/{pool}/restart");

    [When("a client lists the pools over the API without a token")]
    public Task ListsWithoutToken() => api.SendAsync(HttpMethod.Get, "/pools", withToken: false);

    [When("a client lists the pools over the API with the token {string}")]
    public async Task ListsWithToken(string token)
    {
        var configured = api.Token;
        api.Token = token;
        await api.SendAsync(HttpMethod.Get, "/pools");
        api.Token = configured;
    }

    [Then("the API answers {int}")]
    public void Answers(int status) => api.Last!.Status.Should().Be((HttpStatusCode)status, api.Last.Body);

    [Then("the API answers {int} with the action's correlation id, which the manager's log names")]
    public async Task AnswersWithCorrelation(int status)
    {
        var answer = api.Last!;
        answer.Status.Should().Be((HttpStatusCode)status, answer.Body);
        var id = answer.Json.GetProperty("correlationId").GetString();
        id.Should().NotBeNullOrWhiteSpace("every action returns its correlation id").And.Be(answer.CorrelationId, "the header and the body name the same id");
        (await service.WritesAsync(line => line.Contains($"[{id}]", StringComparison.Ordinal))).Should().BeTrue(
            "the action should be logged with its correlation id; the manager wrote:\n" + string.Join('\n', service.Output));
    }

    [Then("the API answers {int} with the problem {string}")]
    public void AnswersProblem(int status, string reason)
    {
        var answer = api.Last!;
        answer.Status.Should().Be((HttpStatusCode)status, answer.Body);
        answer.ContentType.ShouldRead("application/problem+json", "errors are RFC 9457 problem details");
        answer.Json.GetProperty("detail").GetString().ShouldRead(reason, "the problem should carry the runtime's reason");
        answer.Json.GetProperty("correlationId").GetString().Should().Be(answer.CorrelationId, "a refusal is an action with its correlation id too");
    }

    [Then("the API refuses a new lease on pool {word} with {string}")]
    public async Task RefusesLease(string pool, string reason)
    {
        await ShowsState(pool, "Draining"); // the signal is handled asynchronously: the stop begins with the drain
        await api.TakeLeaseAsync(pool);
        AnswersProblem(409, reason);
    }

    [Then("the API shows pool {word} as {word}")]
    public Task ShowsState(string pool, string state) =>
        api.EventuallyAsync(() => api.PoolAsync(pool), p => p.GetProperty("state").GetString() == state, $"the API to show pool {pool} as {state}");

    [Then("the API shows pool {word} as {word}, serving {word}")]
    public Task ShowsServing(string pool, string state, string model) =>
        api.EventuallyAsync(() => api.PoolAsync(pool),
            p => p.GetProperty("state").GetString() == state && p.GetProperty("model").GetString() == model,
            $"the API to show pool {pool} as {state}, serving {model}");

    [Then("the API shows pool {word} as {word}, with its circuit {word}")]
    public Task ShowsCircuit(string pool, string state, string circuit) =>
        api.EventuallyAsync(() => api.PoolAsync(pool),
            p => p.GetProperty("state").GetString() == state && p.GetProperty("circuit").GetString() == circuit,
            $"the API to show pool {pool} as {state} with its circuit {circuit}");

}
