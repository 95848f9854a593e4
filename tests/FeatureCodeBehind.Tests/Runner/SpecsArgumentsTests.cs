namespace FeatureCodeBehind.Tests.Runner;

/// <summary>
/// Arguments that <c>dotnet test</c> refuses stop <c>./specs</c> with its usage, and the last good reports stay as they
/// were (issue 22: a mistyped command deleted them and rewrote the living documentation as "not run"). Cheap: the
/// arguments are refused before anything builds.
/// </summary>
public sealed class SpecsArgumentsTests
{
    [Theory]
    [InlineData("--no-such-option")]
    [InlineData("one-project", "two-projects")]
    [InlineData("features/supervision/no-such.feature:18")]
    [InlineData("features/supervision/drain.feature:eighteen")]
    [InlineData("--shard", "5/4")]
    [InlineData("--shard", "two")]
    [InlineData("--name")]
    public void Specs_ArgumentsItOrDotnetTestRefuses_LeaveTheLastReportsAndPrintTheUsage(params string[] arguments)
    {
        using var script = new SpecsScript();

        var (exit, output) = script.Run(arguments);

        exit.Should().Be(2, output);
        output.Should().Contain("usage: ./specs").And.Contain("are unchanged");
        script.Current().Should().BeEquivalentTo(SpecsScript.Reports.ToDictionary(r => r, _ => SpecsScript.OldReport), "no report is replaced by a run that never started");
        Directory.EnumerateFileSystemEntries(script.Folder, ".run.*").Should().BeEmpty("the run's temporary folder is removed");
    }
}
