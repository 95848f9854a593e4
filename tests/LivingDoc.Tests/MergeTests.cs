using LivingDoc.Tests.Support;

namespace LivingDoc.Tests;

/// <summary>The shards of one run (several --messages) make one page; --complete checks they ran every scenario exactly once.</summary>
public sealed class MergeTests : IDisposable
{
    private static readonly string[] FirstHalf = ["A passing scenario", "A failing scenario names its step", "An undefined step fails with a snippet", "Ein Zähler zählt"];
    private readonly string _folder = Directory.CreateTempSubdirectory("living-doc-merge-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public MergeTests()
    {
        // The sample's features but the one that never ran: an unsharded run of them is complete.
        Directory.CreateDirectory(Features);
        foreach (var name in new[] { "outcomes.feature", "deutsch.feature" })
        {
            File.Copy(Path.Combine(SampleRun.Features, name), Path.Combine(Features, name));
        }
    }

    private string Features => Path.Combine(_folder, "features");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A shard file; its step definitions get ids of its own, as each process's run gives them.</summary>
    private string Shard(string name, IEnumerable<string> lines)
    {
        var definitions = SampleRun.Lines().Select(l => SampleEdits.Message(l, "stepDefinition")).OfType<System.Text.Json.Nodes.JsonObject>().Select(d => (string)d["id"]!).ToList();
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines.Select(l => definitions.Aggregate(l, (line, id) => line.Replace(id, id + "-" + name, StringComparison.Ordinal))));
        return path;
    }

    private int Run(params string[] messages) => CommandLine.Run(
        ["--features", Features, "--output", Path.Combine(_folder, "out"), "--verify", "--complete", .. messages.SelectMany(m => new[] { "--messages", m })],
        TextReader.Null, _out, _err, _ => null);

    [Fact]
    public void TwoShards_MakeOnePageWithEveryResultAndEachStepDefinitionOnce()
    {
        var a = Shard("a.ndjson", SampleEdits.WithoutTestCasesOf(n => !FirstHalf.Contains(n)));
        var b = Shard("b.ndjson", SampleEdits.WithoutTestCasesOf(FirstHalf.Contains));

        Run(a, b).Should().Be(0, _err.ToString());

        _out.ToString().Should().Contain("2 features, 10 scenarios (6 passed, 1 failed, 2 pending, 1 skipped, 0 not run)");
        File.ReadAllText(Path.Combine(_folder, "out", "index.html")).Should().Contain("5 step definitions, 0 unused");
    }

    [Fact]
    public void AScenarioInTwoShards_IsAMismatch()
    {
        var a = Shard("a.ndjson", SampleRun.Lines());
        var b = Shard("b.ndjson", SampleEdits.WithoutTestCasesOf(n => n != "A passing scenario"));

        Run(a, b).Should().Be(3);

        _err.ToString().Should().Contain("scenario 'A passing scenario' (features/outcomes.feature) ran in").And.Contain("a.ndjson and in").And.Contain("b.ndjson");
    }

    [Fact]
    public void AScenarioInNoShard_IsAMismatch()
    {
        var a = Shard("a.ndjson", SampleEdits.WithoutTestCasesOf(n => !FirstHalf.Contains(n) || n == "A passing scenario"));
        var b = Shard("b.ndjson", SampleEdits.WithoutTestCasesOf(FirstHalf.Contains));

        Run(a, b).Should().Be(3);

        _err.ToString().Should().Contain("scenario 'A passing scenario' (features/outcomes.feature) has no test case: it did not run");
    }

    [Fact]
    public void ShardsOfDifferentVersions_AreAMismatch()
    {
        var a = Shard("a.ndjson", SampleEdits.WithoutTestCasesOf(n => !FirstHalf.Contains(n)));
        var b = Shard("b.ndjson", SampleEdits.WithoutTestCasesOf(FirstHalf.Contains).Select(l => l.Replace("\"name\":\"Outcomes\"", "\"name\":\"Outcomes, edited\"", StringComparison.Ordinal)));

        Run(a, b).Should().Be(3);

        _err.ToString().Should().Contain("feature features/outcomes.feature differs between").And.Contain("different versions");
    }

    [Fact]
    public void AMissingShard_Exits2NamingIt()
    {
        var a = Shard("a.ndjson", SampleRun.Lines());

        Run(a, Path.Combine(_folder, "typo.ndjson")).Should().Be(2);

        _err.ToString().Should().Contain("typo.ndjson");
    }
}
