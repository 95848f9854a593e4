using System.Globalization;
using Reqnroll;
using Steps.Assertions;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>An operator's surge reload through the manager service: the pool's device memory, the request and its answer.</summary>
[Binding]
public sealed class ManagerSurgeSteps(ManagerServiceDriver service, ManagerApiClient api, ManagerServiceSteps manager)
{
    [Given("the manager service runs pool {word} serving {word}, with {int} MiB of device memory for models of {int} MiB")]
    public Task RunsWithMemory(string pool, string model, int deviceMiB, int modelMiB)
    {
        service.Set($"Pools:{pool}:DeviceMemoryMiB", deviceMiB.ToString(CultureInfo.InvariantCulture));
        service.Set($"Pools:{pool}:ModelMemoryMiB", modelMiB.ToString(CultureInfo.InvariantCulture));
        return manager.Runs(pool, model);
    }

    [When("the operator reloads pool {word} to {word} by a surge over the API")]
    public Task ReloadsBySurge(string pool, string model) => ReloadsBy(pool, model, "surge");

    [When("the operator reloads pool {word} to {word} by the strategy {string} over the API")]
    public Task ReloadsBy(string pool, string model, string strategy) =>
        api.SendAsync(HttpMethod.Post, $"/pools/{pool}/reload", $$"""{"model":"{{model}}","drainDeadlineSeconds":5,"strategy":"{{strategy}}"}""");

    [When("the operator reloads pool {word} to engine version {word} with a blank model name over the API")]
    public Task ReloadsBlankModel(string pool, string version) =>
        api.SendAsync(HttpMethod.Post, $"/pools/{pool}/reload", $$"""{"model":"  ","engineVersion":"{{version}}","drainDeadlineSeconds":5}""");

    [Then("the manager's answer says the pool {string}")]
    public void AnswerSays(string outcome) =>
        api.Last!.Json.GetProperty("outcome").GetString().ShouldRead(outcome, $"the manager should say how the reload went ({api.Last.Body})");
}
