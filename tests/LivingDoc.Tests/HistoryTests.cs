using LivingDoc.Messages;
using LivingDoc.Model;

namespace LivingDoc.Tests;

public sealed class HistoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("living-doc-history-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Update_KeepsOnlyTheNewestRuns()
    {
        var run = RunBuilder.Build(FeatureFiles.Read(SampleRun.Features), SampleRun.Messages());

        for (var i = 0; i < 5; i++)
        {
            HistoryStore.Update(_folder, run with { FinishedAt = DateTimeOffset.UnixEpoch.AddMinutes(i) }, keep: 3);
        }

        Directory.GetFiles(_folder).Select(Path.GetFileName).Order().Should().Equal(
            "run-19700101T000200000Z.json", "run-19700101T000300000Z.json", "run-19700101T000400000Z.json");
    }

    [Fact]
    public void Update_RecordsEachScenarioThatRan()
    {
        var run = RunBuilder.Build(FeatureFiles.Read(SampleRun.Features), SampleRun.Messages());

        var history = HistoryStore.Update(_folder, run, keep: 10);

        history.Runs.Should().ContainSingle().Which.Scenarios.Should().HaveCount(10, "the sample ran 10 scenarios; the feature that did not run has none");
        history.Of("features/outcomes.feature|A failing scenario names its step|1").Should().Equal(DocStatus.Failed);
    }

    [Fact]
    public void Update_ACorruptFile_IsSkipped()
    {
        File.WriteAllText(Path.Combine(_folder, "run-19700101T000000000Z.json"), "{ not json");

        var history = HistoryStore.Update(_folder, RunBuilder.Build([], new RunMessages([])), keep: 10);

        history.Runs.Should().BeEmpty();
    }
}
