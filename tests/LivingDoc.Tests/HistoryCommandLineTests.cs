namespace LivingDoc.Tests;

/// <summary>The history as ./specs keeps it, run after run: the header, the marks, and runs that must not count.</summary>
public sealed class HistoryCommandLineTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("living-doc-runs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string History => Path.Combine(_folder, "history");

    private string Page => File.ReadAllText(Path.Combine(_folder, "out", "index.html"));

    /// <summary>The sample run finishing <paramref name="minutes"/> later, its failing scenario passing when <paramref name="passes"/>.</summary>
    private string Messages(int minutes, bool passes = false, bool nothingRan = false)
    {
        var lines = SampleRun.Lines()
            .Select(l => l.StartsWith("{\"testRunFinished\":", StringComparison.Ordinal) ? l.Replace("\"seconds\":1796348233", $"\"seconds\":{1796348233 + (minutes * 60)}", StringComparison.Ordinal) : l)
            .Select(l => passes ? l.Replace("\"status\":\"FAILED\"", "\"status\":\"PASSED\"", StringComparison.Ordinal).Replace("\"status\":\"SKIPPED\"", "\"status\":\"PASSED\"", StringComparison.Ordinal) : l)
            .Where(l => !nothingRan || !(l.StartsWith("{\"testCase", StringComparison.Ordinal) || l.StartsWith("{\"testStep", StringComparison.Ordinal) || l.StartsWith("{\"attachment", StringComparison.Ordinal)));
        var path = Path.Combine(_folder, $"run-{minutes}.ndjson");
        File.WriteAllLines(path, lines);
        return path;
    }

    private int Run(string? messages, string commit) => CommandLine.Run(
        ["--features", SampleRun.Features, "--output", Path.Combine(_folder, "out"), "--history", History, "--commit", commit, "--branch", "main",
         .. messages is null ? Array.Empty<string>() : ["--messages", messages]],
        TextReader.Null, TextWriter.Null, TextWriter.Null, _ => null);

    [Fact]
    public void Runs_MarkFixedFlakyAndFailingSince_AndTheHeaderNamesTheRun()
    {
        Run(Messages(1), "c0ffee1").Should().Be(0);
        Page.Should().Contain("commit <code title=\"c0ffee1\">c0ffee1</code> on <b>main</b>").And.Contain(".NET 10.0.12").And.NotContain("dotNet").And.Contain("Reqnroll 3.3.4").And.Contain("took ");

        Run(Messages(2, passes: true), "c0ffee1").Should().Be(0);
        Page.Should().Contain("class=\"mark fixed\"").And.Contain("class=\"mark flaky\"", "it passed at the same commit and text it failed at");

        Run(Messages(3), "c0ffee1").Should().Be(0);
        Page.Should().Contain("class=\"mark flaky\"").And.Contain("id=\"run-trend\"").And.NotContain("class=\"mark fixed\"");

        Run(Messages(4), "c0ffee1").Should().Be(0);
        Page.Should().Contain("failing since run 3 at c0ffee1");
    }

    [Fact]
    public void Runs_AFlipWithANewCommit_IsNotFlaky()
    {
        Run(Messages(1), "aaaaaaa").Should().Be(0);
        Run(Messages(2, passes: true), "bbbbbbb").Should().Be(0);

        Page.Should().Contain("class=\"mark fixed\"").And.NotContain("class=\"mark flaky\"");
    }

    [Fact]
    public void ARunThatRanNothing_AndTheDocumentationOnlyView_LeaveTheHistoryAloneAndShowNoMarks()
    {
        Run(Messages(1), "c1").Should().Be(0);
        Run(Messages(2, passes: true), "c1").Should().Be(0);
        Run(Messages(3), "c1").Should().Be(0);
        Page.Should().Contain("class=\"mark flaky\"");

        Run(Messages(4, nothingRan: true), "c1").Should().Be(0);
        Directory.GetFiles(History).Should().HaveCount(3, "a run that executed no test case is not recorded");
        Page.Should().NotContain("class=\"mark ");

        Run(null, "c1").Should().Be(0);
        Directory.GetFiles(History).Should().HaveCount(3);
        Page.Should().Contain("documentation only").And.NotContain("class=\"mark ");
    }
}
