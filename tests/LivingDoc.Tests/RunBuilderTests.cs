using LivingDoc.Messages;
using LivingDoc.Model;
using LivingDoc.Tests.Support;

namespace LivingDoc.Tests;

public sealed class RunBuilderTests
{
    private static readonly LivingDocRun Run = RunBuilder.Build(FeatureFiles.Read(SampleRun.Features), SampleRun.Messages());

    private static DocStatus Status(string scenario) =>
        Run.StatusOf(Run.Features.SelectMany(f => f.Pickles).Single(p => p.Name == scenario));

    [Fact]
    public void Build_EveryFeatureFile_AppearsEvenIfItDidNotRun()
    {
        Run.Features.Select(f => f.Uri).Should().Equal("features/deutsch.feature", "features/not-run.feature", "features/outcomes.feature");
        Status("Never ran").Should().Be(DocStatus.NotRun);
    }

    [Theory]
    [InlineData("A passing scenario", "Passed")]
    [InlineData("A failing scenario names its step", "Failed")]
    [InlineData("An undefined step fails with a snippet", "Undefined")]
    [InlineData("A pending step fails as pending", "Pending")]
    [InlineData("An ignored scenario is skipped", "Skipped")]
    [InlineData("Increase by 500", "Passed")]
    [InlineData("Ein Zähler zählt", "Passed")]
    public void Build_EachScenario_HasTheStatusOfItsWorstStep(string scenario, string expected)
    {
        Status(scenario).ToString().Should().Be(expected);
    }

    [Fact]
    public void Build_AFailure_KeepsTheFailingStepAndItsMessage()
    {
        var feature = Run.Features.Single(f => f.Uri == "features/outcomes.feature");
        var pickle = feature.Pickles.Single(p => p.Name == "A failing scenario names its step");
        var outcome = Run.OutcomeOf(pickle)!;

        outcome.Message.Should().Contain("Expected: 3");
        var failing = outcome.Steps.Single(s => s.Value.Status == DocStatus.Failed).Key;
        feature.Scenario(pickle.AstNodeIds[0])!.Steps.Single(s => s.Id == failing).Text.Should().Be("the counter reads 3");
    }

    [Fact]
    public void Build_Counts_AddUpPerFeature()
    {
        var counts = Run.Count(Run.Features.Single(f => f.Uri == "features/outcomes.feature").Pickles);

        (counts.Passed, counts.Failed, counts.Pending, counts.Skipped, counts.NotRun).Should().Be((5, 1, 2, 1, 0));
    }

    [Fact]
    public void Build_MatchedArguments_AreKeptPerStep()
    {
        Run.Arguments.Values.Should().Contain(a => a.Text == "the counter is increased by 2" && a.Values.Single().Value == "2");
    }

    [Fact]
    public void Build_NoMessages_IsDocumentationOnly()
    {
        var run = RunBuilder.Build(FeatureFiles.Read(SampleRun.Features), new RunMessages([]));

        run.FinishedAt.Should().BeNull();
        run.Count(run.Features.SelectMany(f => f.Pickles)).NotRun.Should().Be(11);
    }

    [Fact]
    public void Build_FeaturesReadFromASubfolder_JoinTheRunByTheEndOfTheUri()
    {
        // --features testdata/features reads "features/outcomes.feature"; a deeper --features would read "outcomes.feature".
        var files = new[] { "outcomes.feature", "not-run.feature" }
            .Select(name => FeatureFiles.Parse(name, File.ReadAllText(Path.Combine(SampleRun.Features, name)))).ToArray();

        var run = RunBuilder.Build(files, SampleRun.Messages());

        run.Features.Select(f => f.Uri).Should().Equal("features/deutsch.feature", "features/outcomes.feature", "not-run.feature");
        run.Count(run.Features.Single(f => f.Uri == "features/outcomes.feature").Pickles).Passed.Should().Be(5);
    }

    [Fact]
    public void Build_ATinyFeatureAndItsMessages_GiveEachScenarioItsResult()
    {
        var lines = SampleRun.Lines();
        var feature = FeatureFiles.Parse("features/outcomes.feature", File.ReadAllText(Path.Combine(SampleRun.Features, "outcomes.feature")));

        var run = RunBuilder.Build([feature, FeatureFiles.Parse("features/tiny.feature", "Feature: Tiny\n  Scenario: Not yet\n    Given nothing\n")], SampleRun.Messages(lines));

        run.Features.Single(f => f.Uri == "features/tiny.feature").Pickles.Select(run.StatusOf).Should().Equal(DocStatus.NotRun);
        Status("A passing scenario").Should().Be(DocStatus.Passed);
        Status("A failing scenario names its step").Should().Be(DocStatus.Failed);
    }

    [Fact]
    public void Build_ABinaryAttachment_IsNamedInTheStepLog()
    {
        var lines = SampleEdits.Edit("attachment", _ => true, a =>
        {
            a["contentEncoding"] = "BASE64";
            a["body"] = Convert.ToBase64String(new byte[30]);
            a["mediaType"] = "image/png";
            a["fileName"] = "screen.png";
        });

        var run = RunBuilder.Build(FeatureFiles.Read(SampleRun.Features), SampleRun.Messages(lines));

        run.Outcomes.Values.SelectMany(o => o.Log).Should().Contain(l => l.Text == "[screen.png, image/png, 30 bytes]");
    }
}
