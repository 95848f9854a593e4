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

    /// <summary>A reload of a pool the manager does not know goes by the model alone: the operator can name nothing else.</summary>
    [When("the operator attempts to reload pool {word} with {word} within {int} seconds")]
    public Task AttemptsWithin(string pool, string model, int seconds) =>
        pools.Registry.TryGet(pool, out var known)
            ? reloads.StartReloadAsync(pool, pools.SpecFor(model, known.Spec.EngineVersion), TimeSpan.FromSeconds(seconds))
            : reloads.StartReloadOfUnknownAsync(pool, model);

    [Given("no pool {word} is registered")]
    public void NotRegistered(string pool) =>
        pools.Registry.TryGet(pool, out _).Should().BeFalse($"the scenario needs pool {pool} unknown to the manager");

    [Given("a reload of pool {word} to {word} is staging its model")]
    public Task ReloadStaging(string pool, string model)
    {
        reloads.Models.HoldStaging(model);
        return Attempts(pool, model);
    }

    [When("the operator gives the reload up")]
    public void GivesUp() => reloads.GiveUp();

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

    [Given("the operator drains pool {word} within {int} seconds the moment a reload of it starts")]
    public void DrainsAsReloadStarts(string pool, int seconds) => reloads.DrainWhenReloadStarts(pool, TimeSpan.FromSeconds(seconds));

    [Then("the reload reports success, with nothing to roll back")]
    public async Task SucceedsWithNoRollback()
    {
        var reload = await reloads.ReloadResultAsync();
        reload.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Reloaded && r.FailedStep == null && r.Error == null && !r.RolledBack,
            $"the reload should succeed with nothing rolled back, not end {reload.Status} (rolled back: {reload.RolledBack}) with '{reload.Error}'");
    }

    [Then("the reload was given up")]
    public async Task GivenUp() =>
        (await reloads.NotGivenUpAsync()).Should().BeNull("the operator gave the reload up");

    [Then("pool {word} serves {word} on the engine that served it before the reload")]
    public async Task ServesOnEngineBefore(string pool, string model)
    {
        await reloads.EndedAsync();
        pools.Pool(pool).Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Live && s.Spec.Model == model && s.Pid == reloads.PidBefore,
            $"pool {pool} should be ready, serving {model} on the engine that served it before the reload (pid {reloads.PidBefore})");
    }

    [Then("the reload is refused with {string}")]
    public async Task RefusedWith(string error)
    {
        var result = await reloads.ReloadResultAsync();
        result.Should().Match<ReloadResult>(r => r.Status == ReloadStatus.Refused && r.Error == error, $"the reload should be refused with '{error}', not end {result.Status} with '{result.Error}'");
    }

    [Then("the reload never asked for the thread of the console that started it")]
    public async Task NeverAskedForTheConsole()
    {
        await reloads.EndedAsync();
        reloads.ConsoleAsked.Should().Be(0, "a console that waits on its own thread for its reload would never give that thread back");
    }
}
