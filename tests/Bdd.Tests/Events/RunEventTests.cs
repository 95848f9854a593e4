using System.Collections.Concurrent;
using Bdd.Events;
using Bdd.Execution;
using Bdd.Tests.Execution;
using Bdd.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Events;

public sealed class RecordingListener : IRunEventListener
{
    public ConcurrentQueue<RunEvent> Events { get; } = new();

    public void OnEvent(RunEvent runEvent) => Events.Enqueue(runEvent);
}

public sealed class ThrowingListener : IRunEventListener
{
    public void OnEvent(RunEvent runEvent) => throw new InvalidOperationException("listener bug");
}

public class RunEventTests
{
    private const string Feature = """
        Feature: Events
          Scenario: Passes
            Given a passing step
          Scenario: Fails
            When a step fails with "boom"
            Then a later step
          Scenario: Undefined
            Given nothing matches this
        """;

    [Fact]
    public async Task RunSummary_CountsScenariosAndStepsByStatus()
    {
        var runner = FeatureRun.Runner(null, typeof(OutcomeSteps));
        var summary = new RunSummary();
        runner.AddListener(summary);
        runner.AddListener(new ThrowingListener());
        await FeatureRun.AllAsync(runner, Feature);
        await runner.AfterTestRunAsync();

        summary.Scenarios(ScenarioStatus.Passed).Should().Be(1);
        summary.Scenarios(ScenarioStatus.Failed).Should().Be(1);
        summary.Scenarios(ScenarioStatus.Undefined).Should().Be(1);
        summary.TotalScenarios.Should().Be(3);
        summary.Steps(ScenarioStatus.Skipped).Should().Be(1);
        summary.RunsFinished.Should().Be(1);
        summary.ToString().Should().Be("1 passed, 1 failed, 1 undefined");
    }

    [Fact]
    public async Task Events_FollowCucumberMessagesOrderWithLinkedIds()
    {
        var runner = FeatureRun.Runner(null, typeof(OutcomeSteps));
        var listener = new RecordingListener();
        runner.AddListener(listener);
        await FeatureRun.AllAsync(runner, Feature);
        await runner.AfterTestRunAsync();
        var events = listener.Events.ToList();

        events.Select(e => e.GetType().Name).Take(3).Should().Equal(nameof(SourceParsed), nameof(TestRunStarted), nameof(BindingsDiscovered));
        events[^1].Should().BeOfType<TestRunFinished>().Which.Success.Should().BeFalse();
        var discovered = events.OfType<BindingsDiscovered>().Single();
        discovered.StepDefinitions.Should().Contain(d => d.Expression == "a step fails with {string}" && d.ExpressionType == "CUCUMBER_EXPRESSION");

        var started = events.OfType<TestCaseStarted>().ToList();
        started.Should().HaveCount(3);
        var failing = started[1];
        failing.Pickle.Name.Should().Be("Fails");
        failing.TestSteps.Should().HaveCount(3, "two pickle steps and one AfterScenario hook");
        failing.TestSteps[0].StepDefinitionIds.Should().ContainSingle().Which.Should().Be(
            discovered.StepDefinitions.Single(d => d.Expression == "a step fails with {string}").Id);
        failing.TestSteps[2].HookId.Should().NotBeNull();

        var finishedSteps = events.OfType<TestStepFinished>().Where(e => e.TestCaseStartedId == failing.TestCaseStartedId).ToList();
        finishedSteps.Select(s => s.Status).Should().Equal(ScenarioStatus.Failed, ScenarioStatus.Skipped, ScenarioStatus.Passed);
        finishedSteps[0].Exception.Should().BeOfType<InvalidOperationException>();
        events.OfType<Attachment>().Should().Contain(a => a.TestCaseStartedId == failing.TestCaseStartedId && a.Body == "ran: after scenario" && a.MediaType == "text/x.cucumber.log+plain");
        events.OfType<TestCaseFinished>().Single(e => e.TestCaseStartedId == failing.TestCaseStartedId).Result.Status.Should().Be(ScenarioStatus.Failed);
    }
}
