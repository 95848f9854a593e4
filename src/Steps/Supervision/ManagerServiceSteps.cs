using FluentAssertions;
using Reqnroll;
using Runtime.Supervision.Engines;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>The manager service itself: its configuration, its start, its stop by SIGTERM and its exit.</summary>
[Binding]
public sealed class ManagerServiceSteps(ManagerServiceDriver service, ManagerApiClient api)
{
    private EngineExit? _refusedExit;
    private TimeSpan _grace = TimeSpan.FromSeconds(30);

    [Given("the manager service is configured with pool {word} serving {word}")]
    public void Configured(string pool, string model) => service.AddPool(pool, model);

    [Given("its setting {word} is {string}")]
    public void Setting(string key, string value) => service.Set(key, value);

    [Given("the circuit of every pool of the manager service opens at its first crash")]
    public void CircuitOpensAtFirstCrash() => service.Set("Supervision:CircuitBreaker:FailureThreshold", "1");

    [Given("the manager service's readiness rule is {word}")]
    public void ReadinessRule(string rule) => service.Set("Readiness", rule);

    [Given("the manager service also runs pool {word}, whose engine never becomes healthy")]
    public void NeverHealthyPool(string pool) => service.AddPool(pool, "llama-13b-v1", "--never-healthy");

    [Given("the manager service has a shutdown grace period of {int} second(s)")]
    public void GracePeriod(int seconds) => SetGracePeriod(TimeSpan.FromSeconds(seconds));

    [Given("the manager service has a shutdown grace period of {int} milliseconds")]
    public void GracePeriodInMilliseconds(int milliseconds) => SetGracePeriod(TimeSpan.FromMilliseconds(milliseconds));

    private void SetGracePeriod(TimeSpan grace)
    {
        _grace = grace;
        service.Set("ShutdownGracePeriod", _grace.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Given("the manager service requires the bearer token {string}")]
    public void RequiresToken(string token)
    {
        service.Set("Token", token);
        api.Token = token;
    }

    [Given("the manager service runs pool {word} serving {word}")]
    public async Task Runs(string pool, string model)
    {
        service.AddPool(pool, model);
        await service.StartAsync();
        await api.EventuallyAsync(() => api.PoolAsync(pool), p => p.GetProperty("state").GetString() == "Ready", $"pool {pool} to be ready");
    }

    [When("the manager service restarts")]
    public async Task Restarts()
    {
        service.Terminate();
        (await service.ExitedAsync()).Exit.ExitCode.Should().Be(0, "the manager should stop gracefully");
        await service.StartAsync();
    }

    [When("the manager service attempts to start")]
    public async Task AttemptsToStart() => _refusedExit = await service.AttemptStartAsync();

    [Then("it exits with code {int}, saying {string}")]
    public void ExitsSaying(int code, string message)
    {
        _refusedExit.Should().NotBeNull("the manager service should have been started");
        _refusedExit!.Value.ExitCode.Should().Be(code, "a refused configuration has its own exit code; the service wrote:\n" + string.Join('\n', service.Output));
        // The exit is reported once every line the service wrote has been read.
        service.Output.Should().Contain(line => line.Contains(message, StringComparison.Ordinal), "the manager should name the bad setting");
    }

    [When("the manager service is stopped by SIGTERM")]
    public void Terminated() => service.Terminate();

    [Then("the manager service exits with code {int} within its grace period")]
    public async Task ExitsWithinGrace(int code)
    {
        var (exit, took) = await service.ExitedAsync();
        exit.ExitCode.Should().Be(code, "a graceful stop should end the manager normally");
        took.Should().BeLessThan(_grace, "the drain ended when the lease was released, before the grace period did");
    }

    [Then("the manager service exits with code {int} once its grace period has passed")]
    public async Task ExitsAfterGrace(int code)
    {
        var (exit, took) = await service.ExitedAsync();
        exit.ExitCode.Should().Be(code, "a stop that killed an engine is still a graceful stop of the manager");
        took.Should().BeGreaterThanOrEqualTo(_grace, "the lease held the drain until the deadline");
    }

    [Then("the manager's log says the engine of pool {word} was killed by SIGKILL")]
    public void LogSaysKilled(string pool) =>
        service.Output.Should().Contain(line => line.Contains($"Pool {pool}: engine stopped (killed by SIGKILL)", StringComparison.Ordinal),
            "the engine still busy at the deadline should have been killed");

    [Then("no engine of the manager service is running")]
    public async Task NoEngineRunning()
    {
        service.EnginePids.Should().NotBeEmpty("the API should have shown the engines");
        await Task.WhenAll(service.EnginePids.Select(pid => OperatingSystemProcess.WaitForExitAsync(pid, ManagerServiceDriver.Bound)));
        service.EnginePids.Where(OperatingSystemProcess.IsRunning).Should().BeEmpty("no engine may outlive the manager");
    }
}
