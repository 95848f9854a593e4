using Bdd.Execution;
using Bdd.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Execution;

[Binding]
public sealed class OrderedHooks(IReqnrollOutputHelper output, ScenarioContext scenario)
{
    [BeforeScenario(Order = 20)]
    public void Second() => output.WriteLine("hook: before 20");

    [BeforeScenario(Order = 10)]
    public void First() => output.WriteLine("hook: before 10");

    [BeforeScenario]
    public void BDefault() => output.WriteLine("hook: before default B");

    [BeforeScenario]
    public void ADefault() => output.WriteLine("hook: before default A");

    [Before("slow")]
    public void OnlySlow() => output.WriteLine("hook: before @slow");

    [BeforeScenario("@gpu", "fast")]
    public void GpuOrFast() => output.WriteLine("hook: before @gpu or @fast");

    [BeforeStep]
    public void BeforeStep() => output.WriteLine("hook: before step " + scenario.StepContext.StepInfo!.StepDefinitionType + " " + scenario.StepContext.StepInfo.Text + " in block " + scenario.CurrentScenarioBlock);

    [AfterStep]
    public void AfterStep() => output.WriteLine("hook: after step " + scenario.StepContext.Status);

    [AfterScenario]
    public void After() => output.WriteLine("hook: after " + scenario.ScenarioExecutionStatus);

    [After(Order = 1)]
    public void AfterFirst() => output.WriteLine("hook: after order 1");
}

[Binding]
public sealed class HookedSteps(IReqnrollOutputHelper output)
{
    [Given("a step")]
    public void Step() => output.WriteLine("step: run");

    [When("a step fails")]
    public void Fails() => throw new InvalidOperationException("fail");
}

[Binding]
public static class RunAndFeatureHooks
{
    [BeforeTestRun]
    public static void BeforeRun(IReqnrollOutputHelper output) => output.WriteLine("hook: before test run");

    [BeforeFeature]
    public static void BeforeFeature(FeatureContext context) => context["before feature"] = context.FeatureInfo.Title;

    [BeforeFeature("other")]
    public static void OnlyOther(FeatureContext context) => context["other"] = true;

    [AfterFeature]
    public static void AfterFeature(FeatureContext context) => context["after feature"] = true;
}

[Binding]
public sealed class NonStaticFeatureHook
{
    [BeforeFeature]
    public void NotStatic() { }
}

public class HookTests
{
    private static IEnumerable<string> Hooks(RecordingOutput output) => output.Lines.Where(l => l.StartsWith("hook: ", StringComparison.Ordinal));

    [Fact]
    public async Task RunScenarioAsync_ScenarioHooks_RunOrderedByOrderThenNameAndFilteredByTags()
    {
        var results = await FeatureRun.AllAsync("""
            @gpu
            Feature: Hooks
              @slow
              Scenario: Tagged
                Given a step
            """, typeof(OrderedHooks), typeof(HookedSteps));
        var (result, output) = results.Single();
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
        Hooks(output).Should().Equal(
            "hook: before 10",
            "hook: before 20",
            "hook: before default A",
            "hook: before default B",
            "hook: before @gpu or @fast",
            "hook: before @slow",
            "hook: before step Given a step in block Given",
            "hook: after step OK",
            "hook: after order 1",
            "hook: after OK");
    }

    [Fact]
    public async Task RunScenarioAsync_UntaggedScenario_SkipsTaggedHooks()
    {
        var (_, output) = await FeatureRun.OneAsync("""
            Feature: Hooks
              Scenario: Untagged
                Given a step
            """, typeof(OrderedHooks), typeof(HookedSteps));
        Hooks(output).Should().NotContain(l => l.Contains('@'));
    }

    [Fact]
    public async Task RunScenarioAsync_FailingStep_AfterStepAndAfterScenarioSeeTheError()
    {
        var (result, output) = await FeatureRun.OneAsync("""
            Feature: Hooks
              Scenario: Failing
                When a step fails
                Given a step
            """, typeof(OrderedHooks), typeof(HookedSteps));
        result.Status.Should().Be(ScenarioStatus.Failed);
        Hooks(output).Should().ContainInOrder("hook: after step TestError", "hook: after order 1", "hook: after TestError");
        Hooks(output).Count(l => l.StartsWith("hook: before step", StringComparison.Ordinal)).Should().Be(1);
    }

    [Fact]
    public async Task FeatureAndTestRunHooks_RunOnceWithFeatureContext()
    {
        var runner = FeatureRun.Runner(null, typeof(RunAndFeatureHooks), typeof(HookedSteps));
        var feature = runner.GetFeature(new FeatureSource("features/hooks.feature", """
            Feature: Feature hooks
              Scenario: One
                Given a step
              Scenario: Two
                Given a step
            """));
        await runner.BeforeTestRunAsync();
        await feature.BeforeFeatureAsync();
        foreach (var (line, row) in FeatureRun.Scenarios(feature))
            (await feature.RunScenarioAsync(line, row, new RecordingOutput())).Status.Should().Be(ScenarioStatus.Passed);
        await feature.BeforeFeatureAsync();
        feature.FeatureContext["before feature"].Should().Be("Feature hooks");
        feature.FeatureContext.FeatureContainer.Resolve<FeatureContext>().Should().BeSameAs(feature.FeatureContext);
        feature.FeatureContext.ContainsKey("other").Should().BeFalse();
        feature.FeatureContext.ContainsKey("after feature").Should().BeFalse();
        await runner.AfterTestRunAsync();
        feature.FeatureContext["after feature"].Should().Be(true);
    }

    [Fact]
    public async Task NonStaticFeatureHook_IsABindingErrorFailingEveryScenario()
    {
        var (result, _) = await FeatureRun.OneAsync("Feature: F\n  Scenario: S\n    Given a step\n", typeof(NonStaticFeatureHook), typeof(HookedSteps));
        result.Status.Should().Be(ScenarioStatus.Failed);
        result.Message.Should().Contain("Binding errors").And.Contain("NonStaticFeatureHook.NotStatic()").And.Contain("must be static");
    }
}
