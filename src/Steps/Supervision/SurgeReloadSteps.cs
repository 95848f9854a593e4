using FluentAssertions;
using Reqnroll;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>Surge reloads: the new engine first, beside the old one, where the pool has room.</summary>
[Binding]
public sealed class SurgeReloadSteps(PoolDriver pools, LeaseDriver leases, ReloadDriver reloads, EngineDriver engines, SurgeDriver surge, LoadDriver load)
{
    [Given("pool {word} has {int} MiB of device memory and every model needs {int} MiB")]
    public void Capacity(string pool, int device, int model)
    {
        pools.DeclareDeviceMemory(pool, device);
        pools.DeclareEveryModelNeeds(model);
    }

    [Given("pool {word} declares no device memory")]
    public void NoDeviceMemory(string pool) => pools.DeclareNoDeviceMemory(pool);

    [Given("{word} declares no memory need")]
    public void NoMemoryNeed(string model) => pools.DeclareModelMemory(model, null);

    [Given("{word} needs {int} MiB")]
    public void Needs(string model, int mib) => pools.DeclareModelMemory(model, mib);

    /// <summary>The engines of a scenario without real processes are simulated: they run one engine per pool at a time.</summary>
    [Given("the engines of pool {word} cannot run side by side")]
    public void NotSideBySide(string pool) =>
        pools.RealProcesses.Should().BeFalse($"the engines of pool {pool} that cannot run side by side are simulated ones: the scenario must not run real engines");

    [Given("a client asks pool {word} for a lease at every step of the reload")]
    public void ProbeLeases(string pool) => surge.ProbeLeases(pool);

    [When("the operator surge-reloads pool {word} with {word}")]
    public async Task SurgeReloads(string pool, string model)
    {
        await surge.StartAsync(pool, model);
        await reloads.ReloadResultAsync();
    }

    [When("the operator surge-reloads pool {word} with {word}, which needs {int} MiB")]
    public Task SurgeReloadsNeeding(string pool, string model, int mib)
    {
        pools.DeclareModelMemory(model, mib);
        return SurgeReloads(pool, model);
    }

    [When("the operator starts a surge reload of pool {word} with {word}")]
    public Task StartsSurge(string pool, string model) => surge.StartAsync(pool, model);

    [When("the operator starts a surge reload of pool {word} with {word} within {int} seconds")]
    public Task StartsSurgeWithin(string pool, string model, int seconds) => surge.StartAsync(pool, model, TimeSpan.FromSeconds(seconds));

    [Given("the engine for {word} becomes healthy only when told")]
    public void HealthyWhenTold(string model) => engines.NeverHealthy(model);

    [When("the new engine of pool {word} is told to become healthy")]
    public Task ToldHealthy(string pool) => surge.TellNewEngineHealthyAsync(pool);

    [When("the new engine of pool {word} crashes")]
    public async Task NewEngineCrashes(string pool)
    {
        surge.CrashNewEngine(pool);
        await reloads.ReloadResultAsync();
    }

    [When("the operator attempts a surge reload of pool {word} with {word} within {int} days")]
    public Task AttemptsSurgeWithinDays(string pool, string model, int days) => surge.AttemptWithinAsync(pool, model, TimeSpan.FromDays(days));

    [When("the operator attempts a surge reload of pool {word} with {word} within {int} seconds")]
    public Task AttemptsSurgeWithinSeconds(string pool, string model, int seconds) => surge.AttemptWithinAsync(pool, model, TimeSpan.FromSeconds(seconds));

    [When("the operator attempts a surge reload of pool {word} with {word}")]
    public Task AttemptsSurge(string pool, string model) => surge.AttemptAsync(pool, model);

    [When("the operator surge-reloads pool {word} with engine version {word} while they send")]
    public Task SurgeUnderLoad(string pool, string version) => load.ReloadWhileSendingAsync(pool, version, after: 5, ReloadStrategy.Surge);

    [Then("the reload is refused before anything starts, its deadline being out of range")]
    public async Task DeadlineRefused()
    {
        surge.RefusedArgument.Should().Be("drainDeadline", "a surge's deadline out of range is refused before anything starts");
        await reloads.Models.StagedNothingAsync();
        (await engines.OtherEnginesRunningAsync(reloads.PidBefore)).Should().BeEmpty("no engine but the one serving should run");
    }

    [Then("the old engine of pool {word} has been killed")]
    public async Task OldKilled(string pool) =>
        (await engines.ExitOfServedEngineAsync(pool)).Should().Match<Runtime.Supervision.Engines.EngineExit?>(e => e != null && e.Value.SignalName == "SIGKILL", $"the old engine of pool {pool} should be killed at the deadline");

    [Then("the reload succeeds, reporting {int} lease(s) abandoned on the old engine")]
    public async Task SucceedsAbandoning(int abandoned)
    {
        var result = await reloads.ReloadResultAsync();
        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Reloaded && r.Strategy == ReloadStrategy.Surge && r.AbandonedLeases == abandoned,
            $"the surge should succeed with {abandoned} leases abandoned, not end with '{Describe(result)}' ({result.AbandonedLeases} abandoned)");
    }

    [Then("the surge reload of pool {word} logged, each with its correlation id:")]
    public async Task LoggedSteps(string pool, Table steps)
    {
        var result = await reloads.ReloadResultAsync();
        var logged = pools.Logger.All.Where(e => Equals(e["PoolId"], pool) && e.EventName?.StartsWith("Reload", StringComparison.Ordinal) == true).ToList();
        logged.Select(e => SurgeLogWords.Describe(e)).Should().Equal(steps.Rows.Select(r => r["step"]), "the surge should log each of its steps, in order");
        logged.Should().OnlyContain(e => (string?)e["CorrelationId"] == result.CorrelationId, $"each event of the surge should carry its correlation id {result.CorrelationId}");
    }

    [Then("pool {word} was reloaded by a surge, without falling back to drain-first")]
    public async Task Surged(string pool)
    {
        var result = await reloads.ReloadResultAsync();
        result.Should().Match<ReloadResult>(r => r.PoolId == pool && r.Status == ReloadStatus.Reloaded && r.Strategy == ReloadStrategy.Surge && !r.FellBackToDrainFirst,
            $"pool {pool} should be reloaded by a surge, not end with '{Describe(result)}'");
    }

    [Then("no lease was refused and none went to the old engine after the switch")]
    public void NoneRefusedNoneToOld()
    {
        NoneRefused();
        surge.Probed.Where(p => p.AfterSwitch).Should().NotBeEmpty("the client asked for leases after the switch")
            .And.NotContain(p => p.Endpoint == surge.OldEndpoint, $"after the switch no lease goes to the old engine at {surge.OldEndpoint}");
    }

    [Then("no lease was refused during the reload")]
    public void NoneRefused() =>
        surge.Probed.Should().HaveCountGreaterThanOrEqualTo(3, "the client asked for a lease at every step of the reload")
            .And.OnlyContain(p => p.Refusal == LeaseRefusal.None, "a surge refuses no lease");

    [Then("the {int} leases held on pool {word} are answered by {word}, and a new lease by {word}")]
    public async Task Answered(int held, string pool, string oldModel, string newModel)
    {
        var oldLeases = leases.HeldLeases(pool);
        oldLeases.Should().HaveCount(held);
        (await Task.WhenAll(oldLeases.Select(surge.ModelAnsweringAsync))).Should().OnlyContain(m => m == oldModel, "the leases held before the switch finish on the old engine");
        using var fresh = pools.Registry.Acquire(pool);
        (await surge.ModelAnsweringAsync(fresh)).Should().Be(newModel, "a lease granted after the switch goes to the new engine");
    }

    [Then("the old engine of pool {word} is still running")]
    public void OldStillRunning(string pool) =>
        pools.ServedEngine(pool).HasExited.Should().BeFalse($"the old engine of pool {pool} serves the leases held on it until they finish");

    [Then("the old engine of pool {word} has exited gracefully")]
    public async Task OldExitedGracefully(string pool) =>
        (await engines.ExitOfServedEngineAsync(pool)).Should().Match<Runtime.Supervision.Engines.EngineExit?>(e => e != null && e.Value.IsGraceful, $"the old engine of pool {pool} should stop gracefully once its leases finished");

    [Then("the reload fell back to drain-first, saying {string}")]
    public async Task FellBack(string why)
    {
        var result = await reloads.ReloadResultAsync();
        result.Should().Match<ReloadResult>(r => r.FellBackToDrainFirst && r.Strategy == ReloadStrategy.DrainFirst && r.FallbackReason == why, $"the surge should fall back to drain-first, not end with '{Describe(result)}'");
        pools.Logger.WithEvent("ReloadFellBack").Should().ContainSingle(e => (string?)e["Why"] == why && (string?)e["CorrelationId"] == result.CorrelationId, "the log should say why the reload fell back");
    }

    [Then("both engines of pool {word} have exited")]
    public async Task BothExited(string pool)
    {
        (await engines.OtherEnginesRunningAsync(null)).Should().BeEmpty($"the operator's drain stops both engines of pool {pool}");
        pools.Supervisor!.EngineOf(pool).Should().BeNull();
    }

    [Then("no request was lost or refused")]
    public void NothingLostOrRefused()
    {
        load.Attempts.Should().Contain(a => a.Served && a.AfterReload, "the clients were served after the reload");
        load.Attempts.Where(a => !a.Served).Select(a => $"client {a.Client}: {(a.Lost ? a.Error : a.Refusal.ToString())}")
            .Should().BeEmpty("a surge serves every request: none lost, none refused");
    }

    private static string Describe(ReloadResult result) => $"{result.Status} {result.FallbackReason ?? result.Error}";
}
