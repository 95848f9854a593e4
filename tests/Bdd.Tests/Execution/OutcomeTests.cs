using Bdd.Configuration;
using Bdd.Execution;
using Bdd.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Execution;

[Binding]
public sealed class OutcomeSteps(IReqnrollOutputHelper output)
{
    [Given("a passing step")]
    [When("a passing step")]
    [Then("a passing step")]
    public void Passing() => output.WriteLine("ran: passing");

    [When("a step fails with {string}")]
    public void Failing(string message) => Helper.Explode(message);

    [When("a pending step")]
    public void PendingStep() => throw new PendingStepException();

    [Then("a later step")]
    public void Later() => output.WriteLine("ran: later");

    [Given("a step with {int} argument")]
    public void WrongArity(int a, int b) => output.WriteLine($"{a}{b}");

    [When("an ambiguous step")]
    public void AmbiguousOne() { }

    [When("an ambiguous {word}")]
    public void AmbiguousTwo(string word) => output.WriteLine(word);

    [AfterScenario]
    public void After() => output.WriteLine("ran: after scenario");

    public static class Helper
    {
        public static void Explode(string message) => throw new InvalidOperationException(message);
    }
}

[Binding]
public sealed class PendingViaContextSteps(ScenarioContext context)
{
    [When("a step calls ScenarioContext.Pending")]
    public void PendingViaContext() => context.Pending();
}

[Binding]
public sealed class FailingBeforeScenarioHooks(IReqnrollOutputHelper output)
{
    [BeforeScenario]
    public void Explode() => throw new InvalidOperationException("no engine binary");

    [AfterScenario]
    public void Cleanup() => output.WriteLine("ran: cleanup");
}

public class OutcomeTests
{
    private const string FailingFeature = """
        Feature: Outcomes
          Scenario: A failing step
            Given a passing step
            When a step fails with "pool gpu-0 exploded"
            Then a later step
        """;

    [Fact]
    public async Task RunScenarioAsync_FailingStep_MessageNamesStepUriLineAndError()
    {
        var (result, _) = await FeatureRun.OneAsync(FailingFeature, typeof(OutcomeSteps));
        result.Status.Should().Be(ScenarioStatus.Failed);
        result.ShouldSkip.Should().BeFalse();
        result.Error.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be("pool gpu-0 exploded");
        result.Message.Should().StartWith("When a step fails with \"pool gpu-0 exploded\" -- failed at features/test.feature:4");
        result.Message.Should().Contain("System.InvalidOperationException: pool gpu-0 exploded");
        result.Message.Should().Contain("OutcomeSteps.Helper.Explode");
        result.Message.Should().NotContain("at Bdd.Execution.").And.NotContain("lambda_method");
    }

    [Fact]
    public async Task RunScenarioAsync_FailingStep_SkipsLaterStepsAndStillRunsAfterHooks()
    {
        var (result, output) = await FeatureRun.OneAsync(FailingFeature, typeof(OutcomeSteps));
        result.Steps.Select(s => (s.Keyword, s.Text, s.Line, s.Status)).Should().Equal(
            ("Given ", "a passing step", 3, ScenarioStatus.Passed),
            ("When ", "a step fails with \"pool gpu-0 exploded\"", 4, ScenarioStatus.Failed),
            ("Then ", "a later step", 5, ScenarioStatus.Skipped));
        output.Lines.Should().NotContain("ran: later");
        output.Lines.Should().Contain("ran: after scenario");
        output.Lines.Should().Contain("-> skipped because of previous errors");
    }

    [Fact]
    public async Task RunScenarioAsync_PendingStep_IsPendingAndSkippedByDefault()
    {
        var (result, output) = await FeatureRun.OneAsync("""
            Feature: Outcomes
              Scenario: Pending
                When a pending step
                Then a later step
            """, typeof(OutcomeSteps));
        result.Status.Should().Be(ScenarioStatus.Pending);
        result.ShouldSkip.Should().BeTrue();
        result.Message.Should().Contain("When a pending step -- pending at features/test.feature:3");
        result.Steps[1].Status.Should().Be(ScenarioStatus.Skipped);
        output.Lines.Should().Contain("ran: after scenario");
    }

    [Fact]
    public async Task RunScenarioAsync_ScenarioContextPending_IsPending()
    {
        var (result, _) = await FeatureRun.OneAsync("""
            Feature: Outcomes
              Scenario: Pending
                When a step calls ScenarioContext.Pending
            """, typeof(OutcomeSteps), typeof(PendingViaContextSteps));
        result.Status.Should().Be(ScenarioStatus.Pending);
    }

    [Theory]
    [InlineData(MissingOrPendingStepsOutcome.Inconclusive, true)]
    [InlineData(MissingOrPendingStepsOutcome.Ignore, true)]
    [InlineData(MissingOrPendingStepsOutcome.Error, false)]
    public async Task RunScenarioAsync_MissingOrPendingStepsOutcome_DecidesSkipOrFail(MissingOrPendingStepsOutcome outcome, bool shouldSkip)
    {
        var configuration = BddConfiguration.Parse($$"""{ "runtime": { "missingOrPendingStepsOutcome": "{{outcome}}" } }""", "reqnroll.json");
        var runner = FeatureRun.Runner(configuration, typeof(OutcomeSteps));
        var results = await FeatureRun.AllAsync(runner, """
            Feature: Outcomes
              Scenario: Pending
                When a pending step
              Scenario: Undefined
                When nobody wrote this step
            """);
        results.Select(r => r.Result.Status).Should().Equal(ScenarioStatus.Pending, ScenarioStatus.Undefined);
        results.Should().OnlyContain(r => r.Result.ShouldSkip == shouldSkip);
    }

    [Fact]
    public async Task RunScenarioAsync_UndefinedStep_MessageHasSnippetAndLaterStepsAreSkipped()
    {
        var (result, output) = await FeatureRun.OneAsync("""
            Feature: Outcomes
              Scenario: Undefined
                Given pool "gpu-0" has 4 slots
                Then a later step
            """, typeof(OutcomeSteps));
        result.Status.Should().Be(ScenarioStatus.Undefined);
        result.Message.Should().Contain("Given pool \"gpu-0\" has 4 slots -- undefined at features/test.feature:3");
        result.Message.Should().Contain("[Given(\"pool {string} has {int} slots\")]");
        result.Message.Should().Contain("public void GivenPoolHasSlots(string p0, int p1)");
        result.Steps.Select(s => s.Status).Should().Equal(ScenarioStatus.Undefined, ScenarioStatus.Skipped);
        output.Text.Should().Contain("No matching step definition found");
    }

    [Fact]
    public async Task RunScenarioAsync_TwoMatchingDefinitions_IsAmbiguousListingBoth()
    {
        var (result, _) = await FeatureRun.OneAsync("""
            Feature: Outcomes
              Scenario: Ambiguous
                When an ambiguous step
            """, typeof(OutcomeSteps));
        result.Status.Should().Be(ScenarioStatus.Ambiguous);
        result.ShouldSkip.Should().BeFalse();
        result.Message.Should().Contain("When an ambiguous step -- ambiguous at features/test.feature:3");
        result.Message.Should().Contain("OutcomeSteps.AmbiguousOne() [When(\"an ambiguous step\")]");
        result.Message.Should().Contain("OutcomeSteps.AmbiguousTwo(String) [When(\"an ambiguous {word}\")]");
    }

    [Fact]
    public async Task RunScenarioAsync_ParameterCountMismatch_FailsWithBindingError()
    {
        var (result, _) = await FeatureRun.OneAsync("""
            Feature: Outcomes
              Scenario: Arity
                Given a step with 1 argument
            """, typeof(OutcomeSteps));
        result.Status.Should().Be(ScenarioStatus.Failed);
        result.Message.Should().Contain("binding error").And.Contain("OutcomeSteps.WrongArity(Int32, Int32)").And.Contain("takes 2 parameter(s), the expression captures 1");
    }

    [Fact]
    public async Task RunScenarioAsync_FailingBeforeScenario_SkipsAllStepsRunsAfterHooksAndFails()
    {
        var (result, output) = await FeatureRun.OneAsync("""
            Feature: Outcomes
              Scenario: Broken setup
                Given a passing step
                Then a later step
            """, typeof(OutcomeSteps), typeof(FailingBeforeScenarioHooks));
        result.Status.Should().Be(ScenarioStatus.Failed);
        result.Steps.Should().OnlyContain(s => s.Status == ScenarioStatus.Skipped);
        result.Message.Should().Contain("[BeforeScenario] FailingBeforeScenarioHooks.Explode() -- failed before scenario \"Broken setup\" (features/test.feature:2)");
        result.Message.Should().Contain("no engine binary");
        output.Lines.Should().NotContain("ran: passing");
        output.Lines.Should().Contain("ran: cleanup").And.Contain("ran: after scenario");
    }

    [Fact]
    public async Task RunScenarioAsync_ParseErrors_FailWithEveryErrorLocated()
    {
        var runner = FeatureRun.Runner(null, typeof(OutcomeSteps));
        var feature = runner.GetFeature(new FeatureSource("features/broken.feature", "Feature: Broken\n  Scenario: A\n    Given a passing step\n  Scenaro: typo\n"));
        var result = await feature.RunScenarioAsync(2, null, new RecordingOutput());
        result.Status.Should().Be(ScenarioStatus.Failed);
        result.Message.Should().Contain("features/broken.feature:4:");
    }

    [Fact]
    public async Task RunScenarioAsync_UnknownLine_FailsNamingTheLine()
    {
        var runner = FeatureRun.Runner(null, typeof(OutcomeSteps));
        var feature = runner.GetFeature(new FeatureSource(FeatureRun.Uri, FailingFeature));
        var result = await feature.RunScenarioAsync(40, null, new RecordingOutput());
        result.Status.Should().Be(ScenarioStatus.Failed);
        result.Message.Should().Contain("no scenario at line 40");
    }

    [Fact]
    public async Task RunScenarioAsync_StopAtFirstError_SkipsLaterScenarios()
    {
        var configuration = BddConfiguration.Parse("""{ "runtime": { "stopAtFirstError": true } }""", "reqnroll.json");
        var runner = FeatureRun.Runner(configuration, typeof(OutcomeSteps));
        var results = await FeatureRun.AllAsync(runner, """
            Feature: Outcomes
              Scenario: First passes
                Given a passing step
              Scenario: Second fails
                When a step fails with "boom"
              Scenario: Third is skipped
                Given a passing step
            """);
        results.Select(r => r.Result.Status).Should().Equal(ScenarioStatus.Passed, ScenarioStatus.Failed, ScenarioStatus.Skipped);
        results[2].Result.ShouldSkip.Should().BeTrue();
        results[2].Result.Message.Should().Contain("stopAtFirstError");
        results[2].Output.Lines.Should().NotContain("ran: passing");
    }

    [Fact]
    public async Task RunScenarioAsync_StopAtFirstErrorOff_RunsLaterScenarios()
    {
        var results = await FeatureRun.AllAsync("""
            Feature: Outcomes
              Scenario: Fails
                When a step fails with "boom"
              Scenario: Still runs
                Given a passing step
            """, typeof(OutcomeSteps));
        results.Select(r => r.Result.Status).Should().Equal(ScenarioStatus.Failed, ScenarioStatus.Passed);
    }

    [Fact]
    public async Task RunScenarioAsync_CancelledToken_SkipsStepsAndReportsSkipped()
    {
        var runner = FeatureRun.Runner(null, typeof(OutcomeSteps));
        var feature = runner.GetFeature(new FeatureSource(FeatureRun.Uri, FailingFeature));
        var output = new RecordingOutput();
        var result = await feature.RunScenarioAsync(2, null, output, new CancellationToken(canceled: true));
        result.Status.Should().Be(ScenarioStatus.Skipped);
        result.ShouldSkip.Should().BeTrue();
        result.Steps.Should().OnlyContain(s => s.Status == ScenarioStatus.Skipped);
        output.Lines.Should().Contain("ran: after scenario");
    }
}
