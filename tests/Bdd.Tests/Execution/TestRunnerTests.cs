using Bdd.Configuration;
using Bdd.Execution;
using Bdd.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Execution;

public class TestRunnerTests
{
    [Fact]
    public void ForAssembly_SameAssembly_ReturnsTheCachedRunnerWithItsBindingErrors()
    {
        var runner = TestRunner.ForAssembly(typeof(TestRunnerTests).Assembly);
        TestRunner.ForAssembly(typeof(TestRunnerTests).Assembly).Should().BeSameAs(runner);
        runner.Configuration.Should().BeSameAs(BddConfiguration.Default, "the test output folder has no reqnroll.json");
        runner.SetupError.Should().Contain("NonStaticFeatureHook.NotStatic()", "this assembly deliberately holds an invalid hook");
    }

    [Fact]
    public void GetFeature_SameUri_ReturnsTheCachedFeatureRunner()
    {
        var runner = FeatureRun.Runner(null, typeof(OutcomeSteps));
        var feature = runner.GetFeature(new FeatureSource("features/a.feature", "Feature: A"));
        runner.GetFeature(new FeatureSource("features/a.feature", "Feature: A")).Should().BeSameAs(feature);
        runner.GetFeature(new FeatureSource("features/b.feature", "Feature: B")).Should().NotBeSameAs(feature);
    }

    [Fact]
    public async Task RunScenarioAsync_UnknownConfigurationKey_WarnsInTheFirstScenarioOutputOnly()
    {
        var configuration = BddConfiguration.Parse("""{ "runtime": { "retries": 3 } }""", "reqnroll.json");
        var runner = FeatureRun.Runner(configuration, typeof(OutcomeSteps));
        var results = await FeatureRun.AllAsync(runner, """
            Feature: Warnings
              Scenario: First
                Given a passing step
              Scenario: Second
                Given a passing step
            """);
        results[0].Output.Lines.Should().Contain("warning: reqnroll.json: unknown key 'runtime.retries' ignored.");
        results[1].Output.Lines.Should().NotContain(l => l.StartsWith("warning:", StringComparison.Ordinal));
        results.Should().OnlyContain(r => r.Result.Status == ScenarioStatus.Passed);
    }

    [Fact]
    public async Task BeforeTestRunAsync_FailingHook_RunsOnceAndFailsEveryScenarioWithTheHookError()
    {
        var runner = FeatureRun.Runner(null, typeof(OutcomeSteps), typeof(FailingTestRunHook));
        var callsBefore = FailingTestRunHook.Calls;
        var results = await FeatureRun.AllAsync(runner, "Feature: F\n  Scenario: A\n    Given a passing step\n  Scenario: B\n    Given a passing step\n");
        results.Should().OnlyContain(r => r.Result.Status == ScenarioStatus.Failed && r.Result.Message!.Contains("[BeforeTestRun] FailingTestRunHook.Boom() failed") && r.Result.Message.Contains("no license"));
        (FailingTestRunHook.Calls - callsBefore).Should().Be(1, "test-run hooks run once per runner");
    }
}

[Binding]
public static class FailingTestRunHook
{
    private static int _calls;

    public static int Calls => Volatile.Read(ref _calls);

    [BeforeTestRun]
    public static void Boom()
    {
        Interlocked.Increment(ref _calls);
        throw new InvalidOperationException("no license");
    }
}
