using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>Reloads started by the operator.</summary>
[Binding]
public sealed class ReloadSteps(PoolDriver pools, ReloadDriver reloads, EngineDriver engines)
{
    private static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(30);

    /// <summary>Reloads and waits for the reload to end; the Then steps judge how it ended.</summary>
    [When("the operator reloads pool {word} with {word}")]
    public async Task Reloads(string pool, string model)
    {
        await Attempts(pool, model);
        await reloads.ReloadResultAsync();
    }

    /// <summary>Reloads to another engine version and waits for the reload to end; the Then steps judge how it ended.</summary>
    [When("the operator reloads pool {word} with engine version {word}")]
    public async Task ReloadsVersion(string pool, string version)
    {
        await reloads.StartReloadAsync(pool, pools.SpecFor(pools.Pool(pool).Spec.Model, version), DefaultDeadline);
        await reloads.ReloadResultAsync();
    }

    [When("the operator attempts to reload pool {word} with {word}")]
    public Task Attempts(string pool, string model) => AttemptsWithin(pool, model, (int)DefaultDeadline.TotalSeconds);

    [When("the operator attempts to reload pool {word} with {word} within {int} seconds")]
    public Task AttemptsWithin(string pool, string model, int seconds) =>
        reloads.StartReloadAsync(pool, pools.SpecFor(model, pools.Pool(pool).Spec.EngineVersion), TimeSpan.FromSeconds(seconds));

    [Given("staging {word} fails with {string}")]
    public void StagingFails(string model, string error) =>
        reloads.Models.FailStaging(model, error);

    [Given("the handoff file cannot be written")]
    public void HandoffBroken() => reloads.BreakHandoff();

    [Then("pool {word} serves {word} on a new healthy engine")]
    public async Task ServesOnNewEngine(string pool, string model)
    {
        var reload = await reloads.ReloadResultAsync();
        reload.Succeeded.Should().BeTrue($"the reload of pool {pool} to {model} should succeed, not end with: {reload.Error}");
        var s = pools.Pool(pool).Snapshot();
        s.Should().Match<PoolSnapshot>(p => p.Ready && p.Live && p.Spec.Model == model, $"pool {pool} should serve {model}");
        s.Pid.Should().NotBe(pools.ServedEngine(pool).Pid, "a new engine process should serve");
        (await engines.PoolAnswersHealthCheckAsync(pool)).Should().BeTrue($"the engine of pool {pool} should answer its health check");
    }

    [Then("the old engine process of pool {word} has exited")]
    public async Task OldEngineExited(string pool)
    {
        await reloads.ReloadResultAsync();
        var old = pools.ServedEngine(pool).Pid;
        await pools.WaitUntil(() => !OperatingSystemProcess.IsRunning(old), $"the old engine of pool {pool} (pid {old}) to exit");
        OperatingSystemProcess.IsRunning(old).Should().BeFalse($"the engine that served pool {pool} before the reload (pid {old}) should be gone");
    }

    [Then("pool {word} serves {word} on {servingEngine} healthy engine, the only one left running")]
    public async Task ServesAlone(string pool, string model, ServingEngine engine)
    {
        await reloads.ReloadResultAsync();
        var s = pools.Pool(pool).Snapshot();
        s.Should().Match<PoolSnapshot>(p => p.Ready && p.Live && p.Spec.Model == model, $"pool {pool} should serve {model}");
        var before = pools.ServedEngine(pool).Pid;
        if (engine == ServingEngine.New)
        {
            s.Pid.Should().NotBe(before, $"a new engine process should serve pool {pool}");
        }
        else
        {
            s.Pid.Should().Be(before, $"the engine that served pool {pool} before the reload should still serve it");
        }

        (await engines.PoolAnswersHealthCheckAsync(pool)).Should().BeTrue($"the engine of pool {pool} should answer its health check");
        (await engines.OtherEnginesRunningAsync(s.Pid)).Should().BeEmpty($"no engine but the one serving pool {pool} should be left running");
    }

    [Then("pool {word} serves {word} on engine version {word}")]
    public async Task ServesOnVersion(string pool, string model, string version)
    {
        var reload = await reloads.ReloadResultAsync();
        reload.Succeeded.Should().BeTrue($"the reload of pool {pool} to engine version {version} should succeed, not end with: {reload.Error}");
        pools.Pool(pool).Snapshot().Should().Match<PoolSnapshot>(
            s => s.Ready && s.Spec.Model == model && s.Spec.EngineVersion == version, $"pool {pool} should be ready serving {model} on engine version {version}");
    }

    [Then("pool {word} serves {word} and is ready")]
    public async Task ServesAndReady(string pool, string model)
    {
        await reloads.ReloadResultAsync();
        pools.Pool(pool).Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Live && s.Spec.Model == model, $"pool {pool} should serve {model} and be ready");
    }

    [Then("the handoff file of pool {word} names {word} and its engine")]
    public void Handoff(string pool, string model)
    {
        var s = pools.Pool(pool).Snapshot();
        HandoffFile.Read(HandoffFile.PathFor(pools.HandoffDirectory, pool)).Should().Match<HandoffFile>(h =>
            h.Pool == pool && h.Model == model && h.EngineVersion == s.Spec.EngineVersion && h.Pid == s.Pid && h.Endpoint == s.Endpoint!.ToString(),
            $"the handoff file of pool {pool} should name {model} and the engine now serving it (pid {s.Pid}, {s.Endpoint})");
    }

    [Then("the reload succeeds without staging a model")]
    public async Task SucceedsWithoutStaging()
    {
        var reload = await reloads.ReloadResultAsync();
        reload.Status.Should().Be(ReloadStatus.AlreadyCurrent, $"a reload to the version already served should change nothing, not end with: {reload.Error}");
        await reloads.Models.StagedNothingAsync();
    }

    [Then("the reload fails and tells the operator what still serves:")]
    public async Task FailsTelling(Table told)
    {
        var row = told.Rows.Single();
        var step = ReloadArguments.Step(row["failed at"]);
        var reload = await reloads.ReloadResultAsync();
        var error = $"reload of pool {reload.PoolId} failed at {ReloadStepNames.GetName(step)}: drain deadline passed with {row["active leases"]} active leases; "
            + $"still serving {row["still serving"]} on engine {row["engine version"]}";
        reload.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Failed && r.FailedStep == step, $"the reload should fail at {row["failed at"]}, not end {reload.Status} with '{reload.Error}'");
        reload.Error.Should().Be(error, "the failed reload should say at which step it failed and what still serves");
    }

    [Then("the reload fails at {reloadStep}")]
    public async Task FailsAt(ReloadStep step)
    {
        var result = await reloads.ReloadResultAsync();
        result.Status.Should().Be(ReloadStatus.Failed, $"the reload should fail at {step}");
        result.FailedStep.Should().Be(step, $"the reload should fail at {step} ({result.Error})");
    }

    [Then("the model provisioner has staged {word} for pool {word}")]
    public async Task Staged(string model, string pool)
    {
        await reloads.ReloadResultAsync();
        await reloads.Models.StagedAsync(pool, model);
    }

    [Then("the reload reports that it rolled back to the old engine")]
    public async Task ReportsRollback()
    {
        var result = await reloads.ReloadResultAsync();
        result.RolledBack.Should().BeTrue($"the failed reload swapped engines and restored the old one ({result.Error})");
    }

    [Then("the reload reports no rollback, as nothing was swapped")]
    public async Task ReportsNoRollback()
    {
        var result = await reloads.ReloadResultAsync();
        result.RolledBack.Should().BeFalse($"the reload stopped before touching the engine, so there was nothing to roll back ({result.Error})");
    }

    [Then("the reload is refused with {string}")]
    public async Task RefusedWith(string error)
    {
        var result = await reloads.ReloadResultAsync();
        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Refused && r.Error == error, $"the reload should be refused with '{error}', not end {result.Status} with '{result.Error}'");
    }

    [Then("model {word} has been restored for pool {word}")]
    public async Task Restored(string model, string pool)
    {
        await reloads.ReloadResultAsync();
        await reloads.Models.RestoredAsync(pool, model);
    }

    [Then("pool {word} has failed and is not ready")]
    public async Task HasFailed(string pool)
    {
        await reloads.ReloadResultAsync();
        pools.History(pool).Should().Contain(
            s => s.State == PoolState.Failed && s.LastError != null && s.LastError.StartsWith("reload rollback failed", StringComparison.Ordinal),
            $"pool {pool} should have failed for its failed rollback");
        pools.Pool(pool).Snapshot().Should().Match<PoolSnapshot>(s => !s.Ready && !s.Live, $"pool {pool} should be neither ready nor live");
    }

    [Then("pool {word} has been handed to the supervisor")]
    public async Task HandedOver(string pool)
    {
        await reloads.ReloadResultAsync();
        reloads.HandoverMissing(pool).Should().BeNull($"pool {pool} should be handed to the supervisor once");
    }
}
