using LivingDoc.Messages;
using LivingDoc.Model;

namespace LivingDoc.Tests;

/// <summary>The kept runs and what they say of a scenario: new, changed, fixed, failing since run K, flaky.</summary>
public sealed class HistoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("living-doc-history-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly RunInfo At = RunInfo.None with { Commit = "c1" };

    private static History Runs(params (DocStatus Status, string Hash, string Commit)[] runs) => new(
        runs.Select((r, i) => new HistoryRun(DateTimeOffset.UnixEpoch.AddDays(i), r.Commit, "main",
            new Dictionary<string, ScenarioResult> { ["s"] = new(r.Status, r.Hash), ["other"] = new(DocStatus.Passed, "o") })).ToArray(), IncludesCurrent: true);

    [Fact]
    public void Update_KeepsOnlyTheNewestRuns()
    {
        var run = RunBuilder.Build(FeatureFiles.Read(SampleRun.Features), SampleRun.Messages());

        for (var i = 0; i < 5; i++)
        {
            HistoryStore.Update(_folder, run with { FinishedAt = DateTimeOffset.UnixEpoch.AddMinutes(i) }, At, keep: 3);
        }

        Directory.GetFiles(_folder).Select(Path.GetFileName).Order().Should().Equal(
            "run-19700101T000200000Z.json", "run-19700101T000300000Z.json", "run-19700101T000400000Z.json");
    }

    [Fact]
    public void Update_RecordsEachScenarioThatRanByItsAnchorWithItsTextHashAndTheCommit()
    {
        var run = RunBuilder.Build(FeatureFiles.Read(SampleRun.Features), SampleRun.Messages());

        var history = HistoryStore.Update(_folder, run, At, keep: 10);

        history.IncludesCurrent.Should().BeTrue();
        var kept = history.Runs.Should().ContainSingle().Subject;
        kept.Commit.Should().Be("c1");
        kept.Scenarios.Should().HaveCount(10, "the sample ran 10 scenarios; the feature that did not run has none");
        kept.Scenarios["outcomes--a-failing-scenario-names-its-step"].Status.Should().Be(DocStatus.Failed);
        kept.Scenarios["outcomes--a-failing-scenario-names-its-step"].Hash.Should().MatchRegex("^[0-9a-f]{12}$");
    }

    [Fact]
    public void Update_ARunThatRanNothing_IsNotKeptAndMarksNothing()
    {
        var full = RunBuilder.Build(FeatureFiles.Read(SampleRun.Features), SampleRun.Messages());
        HistoryStore.Update(_folder, full, At, keep: 10);
        var nothing = full with { Outcomes = new Dictionary<string, PickleOutcome>(), FinishedAt = full.FinishedAt!.Value.AddHours(1) };

        var history = HistoryStore.Update(_folder, nothing, At, keep: 10);

        Directory.GetFiles(_folder).Should().ContainSingle("a mistyped filter that ran nothing must not poison the history");
        history.IncludesCurrent.Should().BeFalse();
        history.MarksOf("outcomes--a-failing-scenario-names-its-step").Should().Be(HistoryMarks.None);
    }

    [Fact]
    public void Update_ACorruptOrOldFile_IsSkipped()
    {
        File.WriteAllText(Path.Combine(_folder, "run-19700101T000000000Z.json"), "{ not json");
        File.WriteAllText(Path.Combine(_folder, "run-19700101T000001000Z.json"), """{"FinishedAt":"1970-01-01T00:00:01+00:00","Scenarios":{"a|b|1":"Passed"}}""");

        var history = HistoryStore.Update(_folder, RunBuilder.Build([], new RunMessages([])), At, keep: 10);

        history.Runs.Should().BeEmpty();
    }

    [Fact]
    public void MarksOf_AScenarioEditedToFailOnEveryRun_IsFailingSinceAndNotFlaky()
    {
        var marks = Runs((DocStatus.Passed, "h1", "c1"), (DocStatus.Failed, "h2", "c1"), (DocStatus.Failed, "h2", "c1")).MarksOf("s");

        marks.Flaky.Should().BeFalse("its text changed when it began to fail");
        marks.FailingSince!.Value.Run.Should().Be(2);
        marks.FailingSince.Value.At.Commit.Should().Be("c1");
        (marks.New, marks.Changed, marks.Fixed).Should().Be((false, false, false));
    }

    [Fact]
    public void MarksOf_AnOutcomeThatFlipsAtTheSameTextAndCommit_IsFlaky()
    {
        Runs((DocStatus.Passed, "h", "c1"), (DocStatus.Failed, "h", "c1"), (DocStatus.Passed, "h", "c1")).MarksOf("s")
            .Should().Be(new HistoryMarks(New: false, Changed: false, Fixed: true, FailingSince: null, Flaky: true));
    }

    [Fact]
    public void MarksOf_AnOutcomeThatFlipsWithANewCommit_IsNotFlaky()
    {
        Runs((DocStatus.Failed, "h", "c1"), (DocStatus.Passed, "h", "c2")).MarksOf("s")
            .Should().Be(new HistoryMarks(New: false, Changed: false, Fixed: true, FailingSince: null, Flaky: false));
    }

    [Fact]
    public void MarksOf_ANewAndAChangedScenario_AreMarked()
    {
        var history = Runs((DocStatus.Passed, "h1", "c1"), (DocStatus.Passed, "h2", "c1"));
        var added = history with { Runs = [.. history.Runs.SkipLast(1), history.Runs[^1] with { Scenarios = new Dictionary<string, ScenarioResult> { ["s"] = new(DocStatus.Passed, "h2"), ["added"] = new(DocStatus.Passed, "x") } }] };

        history.MarksOf("s").Changed.Should().BeTrue();
        added.MarksOf("added").New.Should().BeTrue();
        added.MarksOf("s").New.Should().BeFalse();
    }

    [Fact]
    public void MarksOf_WithoutACurrentRun_IsNothing()
    {
        var history = Runs((DocStatus.Passed, "h", "c1"), (DocStatus.Failed, "h", "c1"));

        (history with { IncludesCurrent = false }).MarksOf("s").Should().Be(HistoryMarks.None, "a documentation-only view shows no marks from stale data");
    }
}
