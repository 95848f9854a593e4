using Bdd.Cli;
using Bdd.Gherkin.Tests.Conformance;
using FluentAssertions;
using Xunit;

namespace Bdd.Gherkin.Tests.Cli;

public class CliAppTests
{
    private static (int ExitCode, string Stdout, string Stderr) Run(params string[] args)
    {
        var stdout = new MemoryStream();
        var text = new StringWriter();
        var stderr = new StringWriter();
        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(Corpus.Root); // uris are relative to the corpus root, as in the goldens
        try
        {
            var code = CliApp.Run(args, text, stderr, () => stdout);
            return (code, text + System.Text.Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    [Fact]
    public void Run_Messages_PrintsTheReferenceNdjson()
    {
        const string uri = "testdata/good/rules-and-backgrounds.feature";

        var (code, stdout, _) = Run("messages", uri);

        code.Should().Be(0);
        stdout.Should().Be(File.ReadAllText(Path.Combine(Corpus.Root, uri + ".ndjson")));
    }

    [Fact]
    public void Run_FileWithErrors_PrintsParseErrorsAndExitsZero()
    {
        var (code, stdout, _) = Run("messages", "--no-source", "testdata/bad/multiple-errors.feature");

        code.Should().Be(0);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(3)
            .And.OnlyContain(line => line.StartsWith("{\"parseError\":", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_TwoFiles_KeepsIdsUniqueAcrossFiles()
    {
        var (_, stdout, _) = Run("messages", "--no-source", "--no-ast", "testdata/good/cck/minimal.feature", "testdata/good/cck/minimal.feature");

        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(2);
        lines[0].Should().Contain("\"id\":\"2\"");
        lines[1].Should().NotContain("\"id\":\"2\"");
    }

    [Fact]
    public void Run_MissingFile_ExitsOneWithMessage()
    {
        var (code, stdout, stderr) = Run("messages", "testdata/good/nope.feature");

        code.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("testdata/good/nope.feature: no such file");
    }

    [Theory]
    [InlineData("messages")]
    [InlineData("messages", "--bogus", "x.feature")]
    [InlineData("parse", "x.feature")]
    [InlineData("messages", "x.md")]
    public void Run_BadUsage_ExitsTwoWithUsage(params string[] args)
    {
        var (code, _, stderr) = Run(args);

        code.Should().Be(2);
        stderr.Should().StartWith("error:");
    }

    [Fact]
    public void Run_Help_PrintsUsageAndExitsZero()
    {
        var (code, stdout, _) = Run("--help");

        code.Should().Be(0);
        stdout.Should().Contain("--no-pickles").And.Contain("--predictable-ids");
    }
}
