using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.Reload;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>What the model provisioner does during a reload: staging the new model, restoring the old one.</summary>
[Binding]
public sealed class ModelStagingSteps(ReloadDriver reloads)
{
    [Given("staging {word} takes until the reload is given up")]
    public void StagingHeld(string model) => reloads.Models.HoldStaging(model);

    [Given("staging {word} succeeds")]
    public void StagingSucceeds(string model) => reloads.Models.StagingSucceeds(model);

    [Given("restoring {word} succeeds")]
    public void RestoreSucceeds(string model) => reloads.Models.RestoreSucceeds(model);

    [Given("restoring {word} fails with {string}")]
    public void RestoreFails(string model, string error) => reloads.Models.FailRestore(model, error);

    [Given("staging {word} fails with {string}")]
    public void StagingFails(string model, string error) =>
        reloads.Models.FailStaging(model, error);

    [Then("the reload succeeds without staging a model")]
    public async Task SucceedsWithoutStaging()
    {
        var reload = await reloads.ReloadResultAsync();
        reload.Status.Should().Be(ReloadStatus.AlreadyCurrent, $"a reload to the version already served should change nothing, not end with: {reload.Error}");
        await reloads.Models.StagedNothingAsync();
    }

    [Then("model {word} was never staged for pool {word}")]
    public async Task NeverStaged(string model, string pool)
    {
        await reloads.EndedAsync();
        await reloads.Models.NotStagedAsync(pool, model);
    }

    [Then("the model provisioner has staged {word} for pool {word}")]
    public async Task Staged(string model, string pool)
    {
        await reloads.ReloadResultAsync();
        await reloads.Models.StagedAsync(pool, model);
    }

    [Then("model {word} has been restored for pool {word}")]
    public async Task Restored(string model, string pool)
    {
        await reloads.EndedAsync();
        await reloads.Models.RestoredAsync(pool, model);
    }
}
