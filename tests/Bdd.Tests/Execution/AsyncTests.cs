using Bdd.Execution;
using Bdd.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Execution;

[Binding]
public sealed class AsyncSteps(IReqnrollOutputHelper output)
{
    private readonly List<string> _log = [];

    [BeforeScenario]
    public async Task BeforeAsync()
    {
        await Task.Yield();
        _log.Add("before");
    }

    [Given("an async Task step")]
    public async Task TaskStep()
    {
        await Task.Yield();
        _log.Add("task");
    }

    [Given("an async ValueTask step")]
    public async ValueTask ValueTaskStep()
    {
        await Task.Yield();
        _log.Add("valuetask");
    }

    [Given("a ValueTask<T> step")]
    public async ValueTask<int> ValueTaskOfT()
    {
        await Task.Yield();
        _log.Add("valuetask<int>");
        return 1;
    }

    [When("an async step fails")]
    public async Task FailingAsync()
    {
        await Task.Yield();
        throw new TimeoutException("engine did not answer");
    }

    [Then("the steps ran in order")]
    public void InOrder() => output.WriteLine("log: " + string.Join(",", _log));
}

public class AsyncTests
{
    [Fact]
    public async Task RunScenarioAsync_AsyncStepsAndHooks_AreAwaitedInOrder()
    {
        var (result, output) = await FeatureRun.OneAsync("""
            Feature: Async
              Scenario: Awaited
                Given an async Task step
                And an async ValueTask step
                And a ValueTask<T> step
                Then the steps ran in order
            """, typeof(AsyncSteps));
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
        output.Lines.Should().Contain("log: before,task,valuetask,valuetask<int>");
    }

    [Fact]
    public async Task RunScenarioAsync_AsyncStepThrows_FailsWithTheUnwrappedException()
    {
        var (result, _) = await FeatureRun.OneAsync("""
            Feature: Async
              Scenario: Failing
                When an async step fails
            """, typeof(AsyncSteps));
        result.Status.Should().Be(ScenarioStatus.Failed);
        result.Error.Should().BeOfType<TimeoutException>();
        result.Message.Should().Contain("System.TimeoutException: engine did not answer").And.Contain("AsyncSteps.FailingAsync");
    }
}
