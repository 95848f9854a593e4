using Io.Cucumber.Messages.Types;

namespace FeatureCodeBehind.Tests.EndToEnd;

/// <summary>
/// The integration as users meet it: outcomes, messages, output, and the Category traits through filters of a real <c>dotnet test</c> run
/// of tests/FeatureSample on the Reqnroll runtime.
/// </summary>
[Collection(SampleBuilds.Name)]
public sealed class SampleSuiteTests(SampleSuite sample) : IClassFixture<SampleSuite>
{
    private SampleRun All => sample.Run("");

    [Fact]
    public void EveryScenario_HasTheOutcomeItsStepsCallFor()
    {
        All.Results.ToDictionary(r => r.Key, r => r.Value.Outcome).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["A passing scenario"] = "Passed",
            ["A failing scenario names its step"] = "Failed",
            ["An undefined step fails with a snippet"] = "Failed",
            ["A pending step fails as pending"] = "Failed",
            ["An ignored scenario is skipped"] = "NotExecuted",
            ["Increase by 1"] = "Passed",
            ["Increase by 100"] = "Passed",
            ["Increase by 500"] = "Passed",
            ["A rule scenario runs both backgrounds"] = "Passed",
            ["Ein Zähler zählt"] = "Passed",
            ["A failing text comparison shows both texts in full"] = "Failed",
            ["The first of two scenarios meets the second"] = "Passed",
            ["The second of two scenarios meets the first"] = "Passed",
        });
        All.Exit.Should().NotBe(0, "four scenarios fail");
    }

    [Fact]
    public void AFailure_NamesTheFeatureFileTheLineAndTheStep()
    {
        var failure = All.Results["A failing scenario names its step"];

        failure.Message.Should().StartWith("FeatureXunit.ScenarioStepException : features/outcomes.feature:14: Then the counter reads 3")
            .And.Contain("Expected: 3");
        failure.Output.Should().Contain("-> error:").And.Contain("skipped because of previous errors");
    }

    [Fact]
    public void AFailure_ShowsOneShortStackOfTheProjectsOwnFrames()
    {
        var failure = All.Results["A failing scenario names its step"];

        failure.StackTrace.Should().Contain("Sample.CounterSteps.Reads(Int32 expected)")
            .And.NotContain("Reqnroll.").And.NotContain("System.").And.NotContain("Xunit.").And.NotContain("FeatureXunit.")
            .And.NotContain("End of stack trace");
        failure.Message.Should().NotContain("----", "the step's error is part of the message, not an inner exception printed with its own stack");
    }

    [Fact]
    public void AFailedTextComparison_ShowsTheWholeExpectedAndActualText_InTheTestResultAndTheMessages()
    {
        const string expected = "\"counter main stands at 3 and was last changed by the increase step of this scenario\"";
        const string actual = "\"counter main stands at 2 and was last changed by the increase step of this scenario\"";
        var failed = All.Messages.Select(m => m.TestStepFinished).OfType<TestStepFinished>()
            .Select(s => s.TestStepResult).Single(r => r.Status == TestStepResultStatus.FAILED && r.Message.Contains("texts.feature", StringComparison.Ordinal));

        foreach (var message in new[] { All.Results["A failing text comparison shows both texts in full"].Message, failed.Message })
        {
            message.Should().Contain("features/texts.feature:7: Then the counter's label reads")
                .And.Contain("Expected: " + expected).And.Contain("Actual:   " + actual).And.Contain("they first differ at index 23");
        }
    }

    [Fact]
    public void AnUndefinedStep_FailsWithReqnrollsSnippet()
    {
        All.Results["An undefined step fails with a snippet"].Message.Should()
            .Contain("features/outcomes.feature:18: When the counter is painted \"blue\" 3 times")
            .And.Contain("[When(\"the counter is painted {string} {int} times\")]");
    }

    [Fact]
    public void APendingStep_FailsAsPending()
    {
        All.Results["A pending step fails as pending"].Message.Should().Contain("Test pending").And.Contain("CounterSteps.Audited()");
    }

    [Fact]
    public void StepOutput_GoesToTheTestOutput()
    {
        All.Results["A rule scenario runs both backgrounds"].Output.Should().Contain("the counter is increased by 5").And.Contain("counted");
    }

    [Fact]
    public void EachTest_RunsItsScenariosMethod_NamedAsReqnrollXunitNamesIt()
    {
        All.Results["A passing scenario"].Method.Should().Be("Sample.Features.OutcomesFeature.APassingScenario");
        All.Results["Increase by 100"].Method.Should().Be("Sample.Features.OutcomesFeature.IncreaseByBy");
        All.Results["Ein Zähler zählt"].Method.Should().Be("Sample.Features.ZählerFeature.EinZählerZählt");
    }

    [Theory]
    [InlineData("Category=large", new[] { "Increase by 100", "Increase by 500" })]
    [InlineData("Category=small", new[] { "Increase by 1" })]
    [InlineData("Category=rule-tag", new[] { "A rule scenario runs both backgrounds" })]
    [InlineData("Category=sample&Category!=serial&DisplayName~Increase", new[] { "Increase by 1", "Increase by 100", "Increase by 500" })]
    [InlineData("FullyQualifiedName~ZählerFeature", new[] { "Ein Zähler zählt" })]
    [InlineData("FullyQualifiedName~APassingScenario", new[] { "A passing scenario" })]
    [InlineData("FullyQualifiedName~ARuleScenarioRunsBothBackgrounds", new[] { "A rule scenario runs both backgrounds" })]
    [InlineData("FullyQualifiedName~OutcomesFeature.IncreaseBy", new[] { "Increase by 1", "Increase by 100", "Increase by 500" })]
    [InlineData("FeatureTitle=Zähler", new[] { "Ein Zähler zählt" })]
    [InlineData("Description=Increase by <by>", new[] { "Increase by 1", "Increase by 100", "Increase by 500" })]
    public void AFilter_RunsExactlyTheTaggedTests(string filter, string[] expected)
    {
        var run = sample.Run(filter);

        run.Results.Keys.Should().BeEquivalentTo(expected);
        run.Exit.Should().Be(0);
    }

    [Fact]
    public void ASelectionByLine_RunsTheScenarioAndTheRowAtThoseLines()
    {
        var run = sample.Run("", ("SPECS_SELECT_LINES", sample.Feature("outcomes.feature") + ":8\n" + sample.Feature("outcomes.feature") + ":39"));

        run.Results.Keys.Should().BeEquivalentTo("A passing scenario", "Increase by 100");
        run.Messages.Count(m => m.TestCase is not null).Should().Be(2, "the reports hold the selected scenarios only");
    }

    [Fact]
    public void ASelectionByName_RunsTheScenariosWhoseNameContainsIt()
    {
        sample.Run("", ("SPECS_SELECT_NAME", "increase BY 5")).Results.Keys.Should().BeEquivalentTo("Increase by 500");
    }

    [Fact]
    public void TwoShards_RunEveryScenarioExactlyOnce()
    {
        var shards = new[] { "1/2", "2/2" }.Select(shard => sample.Run("", ("SPECS_SHARD", shard)).Results.Keys.ToArray()).ToArray();

        shards.SelectMany(s => s).Should().BeEquivalentTo(All.Results.Keys, "the shards together are every scenario, none twice");
        shards.Should().OnlyContain(s => s.Length > 0 && s.Length < All.Results.Count);
    }

    [Fact]
    public void TheTestRunHooks_RunOnceEach()
    {
        All.Hooks.Should().Equal("before-test-run", "after-test-run");
    }

    [Fact]
    public void TheMessages_HoldOneTestCasePerPickle_WithItsStepsInOrder()
    {
        var pickles = All.Messages.Select(m => m.Pickle).OfType<Pickle>().ToArray();
        var cases = All.Messages.Select(m => m.TestCase).OfType<TestCase>().ToArray();

        pickles.Should().HaveCount(13);
        cases.Select(c => c.PickleId).Should().BeEquivalentTo(pickles.Select(p => p.Id), "every pickle has exactly one test case");
        foreach (var testCase in cases)
        {
            var pickle = pickles.Single(p => p.Id == testCase.PickleId);
            if (pickle.Tags.Any(t => t.Name == "@ignore"))
            {
                testCase.TestSteps.Should().BeEmpty("an ignored scenario is reported as a test case that ran no step");
                continue;
            }

            testCase.TestSteps.Where(s => s.PickleStepId is not null).Select(s => s.PickleStepId)
                .Should().Equal(pickle.Steps.Select(s => s.Id), $"the steps of '{pickle.Name}' run in pickle order");
        }

        All.Messages.Count(m => m.TestCaseFinished is not null).Should().Be(13);
    }

    [Fact]
    public void TheMessages_CarryEachScenariosStatus()
    {
        var statuses = StatusByPickleName(All);

        statuses["A passing scenario"].Should().Be(TestStepResultStatus.PASSED);
        statuses["A failing scenario names its step"].Should().Be(TestStepResultStatus.FAILED);
        statuses["An undefined step fails with a snippet"].Should().Be(TestStepResultStatus.UNDEFINED);
        statuses["A pending step fails as pending"].Should().Be(TestStepResultStatus.PENDING);
        statuses["An ignored scenario is skipped"].Should().Be(TestStepResultStatus.SKIPPED);
    }

    [Fact]
    public void TheMessages_NameAFailedStepsFileLineAndStep_ThenItsFullMessage()
    {
        var result = All.Messages.Select(m => m.TestStepFinished).OfType<TestStepFinished>()
            .Select(s => s.TestStepResult).Single(r => r.Status == TestStepResultStatus.FAILED && r.Message.Contains("outcomes.feature", StringComparison.Ordinal));

        result.Message.Should().StartWith("features/outcomes.feature:14: Then the counter reads 3" + Environment.NewLine + "EqualException: ")
            .And.Contain("Expected: 3").And.Contain("Actual:   2");
        result.Exception.Message.Should().Be(result.Message);
        result.Exception.StackTrace.Should().Contain("Sample.CounterSteps.Reads(Int32 expected)").And.NotContain("Reqnroll.");
    }

    private static Dictionary<string, TestStepResultStatus> StatusByPickleName(SampleRun run)
    {
        var pickles = run.Messages.Select(m => m.Pickle).OfType<Pickle>().ToDictionary(p => p.Id);
        var cases = run.Messages.Select(m => m.TestCase).OfType<TestCase>().ToDictionary(c => c.Id);
        var started = run.Messages.Select(m => m.TestCaseStarted).OfType<TestCaseStarted>().ToDictionary(s => s.Id, s => cases[s.TestCaseId]);
        var worst = new Dictionary<string, TestStepResultStatus>();
        foreach (var step in run.Messages.Select(m => m.TestStepFinished).OfType<TestStepFinished>())
        {
            var name = pickles[started[step.TestCaseStartedId].PickleId].Name;
            var status = step.TestStepResult.Status;
            worst[name] = worst.TryGetValue(name, out var seen) && Rank(seen) >= Rank(status) ? seen : status;
        }

        foreach (var testCase in cases.Values.Where(c => c.TestSteps.Count == 0))
        {
            worst.TryAdd(pickles[testCase.PickleId].Name, TestStepResultStatus.SKIPPED);
        }

        return worst;
    }

    private static int Rank(TestStepResultStatus status) => status switch
    {
        TestStepResultStatus.PASSED => 0,
        TestStepResultStatus.SKIPPED => 1,
        TestStepResultStatus.PENDING => 2,
        TestStepResultStatus.UNDEFINED => 3,
        _ => 4,
    };
}
