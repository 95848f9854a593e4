using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.Engines;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>What a pool's engine does, and how it ended. Real engine-stub processes in @process scenarios.</summary>
[Binding]
public sealed class EngineSteps(PoolDriver pools, EngineDriver engines)
{
    [When("the engine of pool {word} exits with code {int}")]
    public Task ExitsWithCode(string pool, int code) => UntilCrashRecorded(pool, () => Command(pool, $"exit {code}"));

    [When("the engine of pool {word} is killed by {word}")]
    public Task KilledBy(string pool, string signal) => UntilCrashRecorded(pool, () =>
    {
        if (signal == "SIGKILL")
        {
            // SIGKILL cannot be raised by the engine itself: it comes from outside, as from an operator.
            Kill(pool);
            return;
        }

        Command(pool, $"signal {signal}");
    });

    [When("the engine of pool {word} is killed by the out-of-memory killer")]
    public Task KilledByOomKiller(string pool) => UntilCrashRecorded(pool, () =>
    {
        engines.OomKillerStrikes();
        Kill(pool);
    });

    [When("the engine of pool {word} logs {string}")]
    public Task Logs(string pool, string line) => UntilCrashRecorded(pool, () => Command(pool, $"log {line}"));

    [When("the engine of pool {word} stops answering its health check")]
    public async Task StopsAnswering(string pool)
    {
        Command(pool, "hang");
        await pools.WaitUntil(() => pools.Saw(pool, "hung:"), $"the engine of pool {pool} to hang");
    }

    [Given("the engine for {word} never becomes healthy")]
    public void NeverHealthy(string model) => engines.NeverHealthy(model);

    [Given("the engine for {word} starts a helper process that holds its output")]
    public void HelperHoldsOutput(string model) => engines.HelperHoldsOutput(model);

    [Given("the engine for {word} takes {int} ms to answer a request")]
    public void TakesToAnswer(string model, int milliseconds) => engines.TakesToAnswer(model, milliseconds);

    [Given("the engine for {word} ignores SIGTERM")]
    public void IgnoresSigterm(string model) => engines.IgnoresSigterm(model);

    [Given("the engine for {word} cannot start")]
    public void CannotStart(string model) => engines.CannotStart(model);

    [Then("the engine of pool {word} has exited gracefully")]
    public async Task ExitedGracefully(string pool)
    {
        var exit = await engines.ExitOfServedEngineAsync(pool);
        exit.Should().NotBeNull($"the engine of pool {pool} should have exited, but it still runs");
        exit!.Value.IsGraceful.Should().BeTrue($"the engine of pool {pool} should exit with code 0, not {exit}");
    }

    [Then("the engine of pool {word} has been killed")]
    public async Task Killed(string pool)
    {
        var exit = await engines.ExitOfServedEngineAsync(pool);
        exit.Should().NotBeNull($"the engine of pool {pool} should have been killed, but it still runs");
        exit!.Value.SignalName.Should().Be("SIGKILL", $"the engine of pool {pool} should be killed, not end by {exit}");
    }

    [Then("the engine started for {word} was killed, not asked to stop")]
    public async Task StartedEngineKilled(string model)
    {
        var exit = await engines.ExitOfEngineStartedForAsync(model);
        exit.Should().NotBeNull($"the engine started for {model} should have been killed, but it still runs");
        exit!.Value.SignalName.Should().Be("SIGKILL", $"the engine started for {model} never served, so it should be killed at once, not end by {exit}");
    }

    [Then("the engine of pool {word} is still running")]
    public async Task StillRunning(string pool)
    {
        pools.ServedEngine(pool).HasExited.Should().BeFalse($"the engine of pool {pool} should not have been stopped");
        (await engines.EngineAnswersHealthCheckAsync(pool)).Should().BeTrue($"the engine of pool {pool} should still answer its health check");
    }

    [Then("the engine of pool {word} has been stopped")]
    public async Task Stopped(string pool) =>
        (await engines.ExitOfServedEngineAsync(pool)).Should().NotBeNull($"the engine of pool {pool} should have been stopped, but it still runs");

    private Task UntilCrashRecorded(string pool, Action act) => engines.UntilCrashRecordedAsync(pool, act);

    private void Command(string pool, string command)
    {
        if (!pools.ServedEngine(pool).WriteLine(command))
        {
            throw new InvalidOperationException($"the engine of pool {pool} is gone: it cannot take the command '{command}'");
        }
    }

    private void Kill(string pool)
    {
        if (!SignalSender.Send(pools.ServedEngine(pool).Pid, Signals.SIGKILL))
        {
            throw new InvalidOperationException($"the engine of pool {pool} is gone: it cannot be killed");
        }
    }
}
