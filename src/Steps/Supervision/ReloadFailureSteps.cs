using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>How a reload failed: the step, why, whether it rolled back, and who owns the pool then.</summary>
[Binding]
public sealed class ReloadFailureSteps(PoolDriver pools, ReloadDriver reloads)
{
    [Then("the reload fails and tells the operator what still serves:")]
    public async Task FailsTelling(Table told)
    {
        var row = told.Rows.Single();
        var step = ReloadArguments.Step(row["failed at"]);
        var reload = await FailedAt(step);
        reload.Error.Should().Be(
            step.FailureOf(reload.PoolId, $"drain deadline passed with {row["active leases"]} active leases; still serving {row["still serving"]} on engine {row["engine version"]}"),
            "the failed reload should say at which step it failed and what still serves");
    }

    /// <summary>A failed reload's message: the step, why, and why its rollback failed when a "rollback failed because" is given.</summary>
    [Then("the reload fails and tells the operator why:")]
    public async Task FailsTellingWhy(Table told)
    {
        var row = told.Rows.Single();
        var step = ReloadArguments.Step(row["failed at"]);
        var rollbackFailed = row.TryGetValue("rollback failed because", out var why) && why.Length > 0 ? why : null;
        var reload = await FailedAt(step);
        reload.Error.Should().Be(
            step.FailureOf(reload.PoolId, row["because"]) + (rollbackFailed is null ? "" : $"; rollback failed: {rollbackFailed}"),
            "the failed reload should say at which step it failed, why, and why its rollback failed if it did");
        reload.RolledBack.Should().Be(rollbackFailed is null, "a reload reports that it rolled back exactly when its rollback did not fail");
    }

    [Then("the reload fails at {reloadStep}")]
    public Task FailsAt(NamedStep step) => FailedAt(step);

    [Then("the reload fails at {reloadStep}, as the new engine ended and {word} on engine {word} still serves")]
    public async Task FailsAsNewEngineEnded(NamedStep step, string model, string version)
    {
        var reload = await FailedAt(step);
        reload.Error.Should().StartWith(step.FailureOf(reload.PoolId, "the new engine ended during the surge ("), "the failed reload should say that the new engine ended, and why")
            .And.EndWith($"); still serving {model} on engine {version}", "the failed reload should say what still serves");
        reload.RolledBack.Should().BeTrue($"the old engine took the pool back ({reload.Error})");
    }

    [Then("the reload fails at {reloadStep}, as pool {word} was drained during the surge")]
    public async Task FailsAsDrainedDuringSurge(NamedStep step, string pool)
    {
        var reload = await FailedAt(step);
        reload.Error.Should().Be(step.FailureOf(pool, $"pool {pool} was drained or stopped during the surge, and both engines with it"),
            "the operator's drain began before the surge ended: it stops both engines, and the reload cannot succeed");
    }

    [Then("the reload fails at the drain, as pool {word} left it for a restart by the supervisor")]
    public async Task FailsAsEngineCrashedInDrain(string pool)
    {
        var reload = await FailedAt(ReloadArguments.Step("the drain"));
        reload.Error.Should().Be(ReloadArguments.Step("the drain").FailureOf(pool, $"pool {pool} left Draining for Restarting during the drain"),
            "the reload should say that its pool left the drain for the supervisor's restart");
    }

    [Then("the reload fails at the drain, as pool {word} is draining")]
    public async Task FailsAsDraining(string pool)
    {
        var reload = await FailedAt(ReloadArguments.Step("the drain"));
        reload.Error.Should().Be(ReloadArguments.Step("the drain").FailureOf(pool, $"pool {pool} is draining"), "the operator's drain began first");
    }

    [Then("the reload fails at the drain, as the operator's drain joined it and stopped the engine of pool {word}")]
    public async Task FailsAsOperatorsDrainJoined(string pool)
    {
        var reload = await FailedAt(ReloadArguments.Step("the drain"));
        reload.Error.Should().Be(ReloadArguments.Step("the drain").FailureOf(pool, $"an operator's drain joined this one and stopped the engine of pool {pool}"),
            "the operator's drain stops the engine, so the reload has nothing left to swap");
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

    private async Task<ReloadResult> FailedAt(NamedStep step)
    {
        var reload = await reloads.ReloadResultAsync();
        reload.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Failed && r.FailedStep == step.Step, $"the reload should fail at {step}, not end {reload.Status} with '{reload.Error}'");
        return reload;
    }
}
