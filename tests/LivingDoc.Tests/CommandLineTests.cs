using System.Text.Json.Nodes;
using LivingDoc.Tests.Support;

namespace LivingDoc.Tests;

/// <summary>The program as <c>./specs</c> runs it: pages written, exit codes, clear errors.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _output = Directory.CreateTempSubdirectory("living-doc-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();
    private string _input = "";

    public void Dispose() => Directory.Delete(_output, recursive: true);

    [Fact]
    public void Run_WithMessages_WritesOneSelfContainedPage()
    {
        var exit = Run("--features", SampleRun.Features, "--messages", SampleRun.MessagesPath, "--output", _output, "--verify");

        exit.Should().Be(0, _err.ToString());
        Directory.GetFiles(_output).Select(Path.GetFileName).Should().BeEquivalentTo("index.html");
        var index = File.ReadAllText(Path.Combine(_output, "index.html"));
        index.Should().Contain("Outcomes").And.Contain("not run").And.Contain("<script>").And.Contain("<style>")
            .And.NotContain("http://").And.NotContain("https://").And.NotContain("src=\"").And.NotContain("<link");
        _out.ToString().Should().Contain("3 features, 11 scenarios (6 passed, 1 failed, 2 pending, 1 skipped, 1 not run)");
    }

    [Fact]
    public void Run_AFeaturePage_ShowsTheFailureAndEscapesText()
    {
        Run("--features", SampleRun.Features, "--messages", SampleRun.MessagesPath, "--output", _output).Should().Be(0);

        var page = File.ReadAllText(Path.Combine(_output, "index.html"));
        page.Should().Contain("Expected: 3").And.Contain("&quot;blue&quot;").And.Contain("Increase by <span class=\"ph\">by</span>").And.Contain("increased by <span class=\"param\">&lt;by&gt;</span>").And.NotContain("\"blue\" 3 times");
    }

    [Fact]
    public void Run_NoMessagesFile_BuildsDocumentationOnly()
    {
        var exit = Run("--features", SampleRun.Features, "--messages", Path.Combine(_output, "none.ndjson"), "--output", _output);

        exit.Should().Be(0);
        _out.ToString().Should().Contain("documentation-only").And.Contain("11 not run");
    }

    [Fact]
    public void Run_VerifyWithAMismatch_Exits3AndSaysWhy()
    {
        var messages = Path.Combine(_output, "broken.ndjson");
        File.WriteAllLines(messages, SampleRun.Lines().Where(l => !l.StartsWith("{\"testCaseFinished\":", StringComparison.Ordinal)));

        var exit = Run("--features", SampleRun.Features, "--messages", messages, "--output", _output, "--verify");

        exit.Should().Be(3);
        _err.ToString().Should().Contain("living-doc: mismatch: scenario").And.Contain("never finished");
    }

    [Fact]
    public void Run_ABadMessageLine_Exits2NamingTheFileAndLine()
    {
        var messages = Path.Combine(_output, "bad.ndjson");
        File.WriteAllLines(messages, [SampleRun.Lines()[0], "{not json"]);

        var exit = Run("--features", SampleRun.Features, "--messages", messages, "--output", _output);

        exit.Should().Be(2);
        _err.ToString().Should().Contain($"{messages}:2: not a Cucumber message");
    }

    [Fact]
    public void Run_BadConfig_Exits2NamingTheFileAndTheSetting()
    {
        var config = Path.Combine(_output, "living-doc.json");
        File.WriteAllText(config, """{ "history": { "keep": 0 } }""");

        var exit = Run("--features", SampleRun.Features, "--output", _output, "--config", config);

        exit.Should().Be(2);
        _err.ToString().Should().Contain(config).And.Contain("history.keep");
    }

    [Fact]
    public void Run_MessagesFromStandardInput_AreRead()
    {
        _input = File.ReadAllText(SampleRun.MessagesPath);

        var exit = Run("--features", SampleRun.Features, "--messages", "-", "--output", _output, "--verify");

        exit.Should().Be(0, _err.ToString());
        _out.ToString().Should().Contain("6 passed, 1 failed");
    }

    [Fact]
    public void Run_ABadLineOnStandardInput_Exits2NamingIt()
    {
        _input = SampleRun.Lines()[0] + "\n\n{\"pickle\": 3}\n";

        Run("--features", SampleRun.Features, "--messages", "-", "--output", _output).Should().Be(2);
        _err.ToString().Should().StartWith("living-doc: standard input:3: not a Cucumber message").And.NotContain("   at ");
    }

    [Fact]
    public void Run_AFilteredRun_PassesVerifyButNotComplete()
    {
        var messages = Path.Combine(_output, "filtered.ndjson");
        File.WriteAllLines(messages, SampleEdits.WithoutTestCaseOf("A passing scenario"));

        Run("--features", SampleRun.Features, "--messages", messages, "--output", _output, "--verify").Should().Be(0, _err.ToString());
        _out.ToString().Should().Contain("1 scenarios of the features that ran have no test case (filtered out");

        Run("--features", SampleRun.Features, "--messages", messages, "--output", _output, "--verify", "--complete").Should().Be(3);
        _err.ToString().Should().Contain("living-doc: mismatch: scenario 'A passing scenario' (features/outcomes.feature) has no test case")
            .And.Contain("living-doc: mismatch: feature features/not-run.feature (1 scenario) did not run");
    }

    [Fact]
    public void Run_AMismatchWithoutVerify_IsPrintedButExits0()
    {
        var messages = Path.Combine(_output, "mislabelled.ndjson");
        File.WriteAllLines(messages, SampleEdits.Edit("testCase", _ => true, c => c["pickleId"] = "no-such-pickle"));

        Run("--features", SampleRun.Features, "--messages", messages, "--output", _output).Should().Be(0);
        _err.ToString().Should().Contain("living-doc: mismatch: test case").And.Contain("refers to pickle no-such-pickle");
    }

    [Fact]
    public void Run_MessagesThatDoNotFitTogether_AreReportedNotACrash()
    {
        var messages = Path.Combine(_output, "odd.ndjson");
        var lines = SampleEdits.Edit("pickle", p => (string?)p["name"] == "A passing scenario", p =>
        {
            p["astNodeIds"] = new JsonArray();
            p["steps"]![0]!["astNodeIds"] = new JsonArray();
        });
        File.WriteAllLines(messages, [.. lines, .. SampleRun.Lines().Where(l => l.StartsWith("{\"stepDefinition\":", StringComparison.Ordinal))]);

        Run("--features", SampleRun.Features, "--messages", messages, "--output", _output, "--verify").Should().Be(3, _err.ToString());
        _err.ToString().Should().Contain("names AST node (none)").And.Contain("step definition id").And.NotContain("   at ");
    }

    [Theory]
    [InlineData("--output", "x")]
    [InlineData("--features", "x")]
    [InlineData("--features", "x", "--output", "y", "--colour")]
    [InlineData("--features", "x", "--output")]
    public void Run_BadCommandLine_Exits2WithUsage(params string[] args)
    {
        Run(args).Should().Be(2);
        _err.ToString().Should().Contain("usage: living-doc");
    }

    [Fact]
    public void Run_MissingFeaturesFolder_Exits2()
    {
        Run("--features", Path.Combine(_output, "nowhere"), "--output", _output).Should().Be(2);
        _err.ToString().Should().Contain("does not exist");
    }

    private int Run(params string[] args) => CommandLine.Run(args, new StringReader(_input), _out, _err);
}
