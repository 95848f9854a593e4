using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.Reload;
using Steps.Assertions;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>A reload's drain, seen from the drains: it belongs to the reload, and it never joins the operator's drain.</summary>
[Binding]
public sealed class ReloadDrainSteps(ReloadDrainDriver reloads)
{
    [Given("a reload of pool {word} to {word} has drained the pool and is staging the model")]
    public Task ReloadHasDrained(string pool, string model) => reloads.ReloadHeldAtStagingAsync(pool, model);

    [When("a reload of pool {word} to {word} starts and, before it drains the pool, the operator drains it within {int} seconds")]
    public void DrainOvertakesReload(string pool, string model, int seconds) => reloads.ReloadOvertakenByDrain(pool, model, TimeSpan.FromSeconds(seconds));

    [Then("the reload of pool {word} fails at its drain, rolling nothing back, with {string}")]
    public async Task FailsAtDrain(string pool, string why)
    {
        var result = await reloads.ResultAsync();
        result.Should().Match<ReloadResult>(
            r => r.Status == ReloadStatus.Failed && r.FailedStep == ReloadStep.Drain && !r.RolledBack,
            $"the reload of pool {pool} should fail at its drain with nothing rolled back, not end {result.Status} at {result.FailedStep} with '{result.Error}'");
        result.Error.ShouldRead($"reload of pool {pool} failed at {ReloadStepNames.GetName(ReloadStep.Drain)}: {why}", $"the reload of pool {pool} should say why its drain failed");
    }
}
