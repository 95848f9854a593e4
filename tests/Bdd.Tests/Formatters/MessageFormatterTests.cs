using System.Text.Json;
using Bdd.Events;
using Bdd.Execution;
using Bdd.Formatters;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Formatters;

public class MessageFormatterTests
{
    private static async Task<List<JsonElement>> RunAsync()
    {
        var events = await ReportRun.EventsAsync();
        var path = Path.Combine(ReportRun.TempDirectory(), "reports", "messages.ndjson");
        ReportRun.Replay(new MessageFormatter(path), events);
        var lines = await File.ReadAllLinesAsync(path);
        return [.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())];
    }

    private static string Kind(JsonElement envelope) => envelope.EnumerateObject().Single().Name;

    private static IEnumerable<JsonElement> All(List<JsonElement> envelopes, string kind)
        => envelopes.Where(e => Kind(e) == kind).Select(e => e.GetProperty(kind));

    [Fact]
    public async Task OnEvent_CompleteRun_WritesEnvelopesInCucumberOrder()
    {
        var envelopes = await RunAsync();
        var kinds = envelopes.Select(Kind).ToList();

        kinds[0].Should().Be("meta");
        kinds[1].Should().Be("source");
        kinds[2].Should().Be("gherkinDocument");
        kinds.Count(k => k == "pickle").Should().Be(6, "four scenarios and two outline rows");
        kinds[^1].Should().Be("testRunFinished");
        kinds.IndexOf("stepDefinition").Should().BeGreaterThan(kinds.LastIndexOf("pickle"));
        kinds.IndexOf("testRunStarted").Should().BeGreaterThan(kinds.LastIndexOf("hook"));
        kinds.LastIndexOf("testCase").Should().BeLessThan(kinds.IndexOf("testCaseStarted"));
        kinds.Count(k => k == "testCaseStarted").Should().Be(6);
        kinds.Count(k => k == "testCaseFinished").Should().Be(6);
    }

    [Fact]
    public async Task OnEvent_CompleteRun_ReportsEveryStepStatus()
    {
        var envelopes = await RunAsync();

        var statuses = All(envelopes, "testStepFinished").Select(f => f.GetProperty("testStepResult").GetProperty("status").GetString()).ToList();
        statuses.Should().Contain(["PASSED", "FAILED", "PENDING", "UNDEFINED", "SKIPPED"]);
        All(envelopes, "testRunFinished").Single().GetProperty("success").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task OnEvent_CompleteRun_UsesCucumberFieldNames()
    {
        var envelopes = await RunAsync();

        var meta = All(envelopes, "meta").Single();
        meta.GetProperty("protocolVersion").GetString().Should().StartWith("34.");
        meta.GetProperty("implementation").GetProperty("name").GetString().Should().Be("Bdd");
        meta.TryGetProperty("runtime", out _).Should().BeTrue();
        meta.GetProperty("os").GetProperty("name").GetString().Should().NotBeNullOrEmpty();
        meta.GetProperty("cpu").GetProperty("name").GetString().Should().NotBeNullOrEmpty();

        var definition = All(envelopes, "stepDefinition").First(d => d.GetProperty("pattern").GetProperty("source").GetString() == "the pool has {int} leases");
        definition.GetProperty("pattern").GetProperty("type").GetString().Should().Be("CUCUMBER_EXPRESSION");
        var method = definition.GetProperty("sourceReference").GetProperty("javaMethod");
        method.GetProperty("className").GetString().Should().Be("ReportSteps");
        method.GetProperty("methodName").GetString().Should().Be("Leases");
        method.GetProperty("methodParameterTypes").EnumerateArray().Select(t => t.GetString()).Should().Equal("Int32");

        var steps = All(envelopes, "testCase").SelectMany(c => c.GetProperty("testSteps").EnumerateArray()).ToList();
        var matched = steps.First(s => s.TryGetProperty("pickleStepId", out _) && s.GetProperty("stepDefinitionIds").GetArrayLength() == 1);
        matched.GetProperty("stepMatchArgumentsLists").GetArrayLength().Should().Be(1);
        var undefined = steps.First(s => s.TryGetProperty("pickleStepId", out _) && s.GetProperty("stepDefinitionIds").GetArrayLength() == 0);
        undefined.GetProperty("stepMatchArgumentsLists").GetArrayLength().Should().Be(0);
        steps.Where(s => s.TryGetProperty("hookId", out _)).Should().NotBeEmpty("the AfterScenario hook is a test step");

        var failed = All(envelopes, "testStepFinished").Select(f => f.GetProperty("testStepResult"))
            .First(r => r.GetProperty("status").GetString() == "FAILED");
        failed.GetProperty("duration").TryGetProperty("seconds", out _).Should().BeTrue();
        failed.GetProperty("duration").TryGetProperty("nanos", out _).Should().BeTrue();
        failed.GetProperty("message").GetString().Should().Contain("pool gpu-0 is draining");
        failed.GetProperty("exception").GetProperty("type").GetString().Should().Be("System.InvalidOperationException");
        failed.GetProperty("exception").GetProperty("message").GetString().Should().Be("pool gpu-0 is draining </script>");
        All(envelopes, "testCaseFinished").Select(f => f.GetProperty("willBeRetried").GetBoolean()).Should().AllBeEquivalentTo(false);
    }

    [Fact]
    public async Task OnEvent_Attachments_AreLinkedToTheirTestStep()
    {
        var envelopes = await RunAsync();
        var attachments = All(envelopes, "attachment").ToList();

        var log = attachments.First(a => a.GetProperty("body").GetString() == "drained <gpu-0>");
        log.GetProperty("mediaType").GetString().Should().Be("text/x.cucumber.log+plain");
        log.GetProperty("contentEncoding").GetString().Should().Be("IDENTITY");
        log.TryGetProperty("testStepId", out _).Should().BeTrue();
        log.TryGetProperty("testCaseStartedId", out _).Should().BeTrue();
        var file = attachments.Single(a => a.TryGetProperty("fileName", out _));
        file.GetProperty("contentEncoding").GetString().Should().Be("BASE64");
        Convert.FromBase64String(file.GetProperty("body").GetString()!).Should().Equal("engine log line"u8.ToArray());
    }

    [Fact]
    public async Task OnEvent_OutlineRows_AreOneTestCaseEach()
    {
        var envelopes = await RunAsync();
        var rowPickles = All(envelopes, "pickle").Where(p => p.GetProperty("astNodeIds").GetArrayLength() == 2).Select(p => p.GetProperty("id").GetString()).ToList();

        rowPickles.Should().HaveCount(2);
        All(envelopes, "testCase").Select(c => c.GetProperty("pickleId").GetString()).Should().Contain(rowPickles);
    }

    [Fact]
    public void OnEvent_InterleavedTestCases_WritesEachTestCaseTogether()
    {
        var path = Path.Combine(ReportRun.TempDirectory(), "messages.ndjson");
        var formatter = new MessageFormatter(path);
        var t = DateTimeOffset.UnixEpoch;
        var pickle = new Gherkin.Pickles.Pickle("p1", "f.feature", new Gherkin.Ast.Location(1, 1), "S", "en", [], [], ["s1"]);
        var result = new ScenarioResult(ScenarioStatus.Passed, null, null, []);
        formatter.OnEvent(new TestRunStarted(t, "run"));
        formatter.OnEvent(new TestCaseStarted(t, "a", "tcA", pickle, 0, [new TestStepDescriptor("stepA", null, "h", [])]));
        formatter.OnEvent(new TestCaseStarted(t, "b", "tcB", pickle, 0, [new TestStepDescriptor("stepB", null, "h", [])]));
        formatter.OnEvent(new TestStepStarted(t, "a", "stepA"));
        formatter.OnEvent(new TestStepStarted(t, "b", "stepB"));
        formatter.OnEvent(new TestStepFinished(t, "b", "stepB", ScenarioStatus.Passed, TimeSpan.FromMilliseconds(1500), null, null));
        formatter.OnEvent(new TestCaseFinished(t, "b", result));
        formatter.OnEvent(new TestStepFinished(t, "a", "stepA", ScenarioStatus.Passed, TimeSpan.Zero, null, null));
        formatter.OnEvent(new TestCaseFinished(t, "a", result));
        File.Exists(path).Should().BeFalse("the file is written when the run finishes");
        formatter.OnEvent(new TestRunFinished(t.AddSeconds(2), "run", true, null));

        var lines = File.ReadAllLines(path);
        var execution = lines.SkipWhile(l => !l.StartsWith("{\"testCaseStarted\"", StringComparison.Ordinal)).ToList();
        execution.Should().HaveCount(9);
        execution.Take(4).Should().OnlyContain(l => l.Contains("\"b\"", StringComparison.Ordinal) || l.Contains("\"stepB\"", StringComparison.Ordinal));
        execution.Skip(4).Take(4).Should().OnlyContain(l => l.Contains("\"a\"", StringComparison.Ordinal) || l.Contains("\"stepA\"", StringComparison.Ordinal));
        lines.Should().Contain(l => l.Contains("\"duration\":{\"seconds\":1,\"nanos\":500000000}", StringComparison.Ordinal));
        lines[^1].Should().Be("{\"testRunFinished\":{\"success\":true,\"timestamp\":{\"seconds\":2,\"nanos\":0},\"testRunStartedId\":\"run\"}}");
    }

    [Fact]
    public async Task OnEvent_MatchedStep_ReportsWhereEachArgumentIsInTheStepText()
    {
        var envelopes = await RunAsync();

        var pickleSteps = All(envelopes, "pickle").SelectMany(p => p.GetProperty("steps").EnumerateArray())
            .ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("text").GetString()!);
        var steps = All(envelopes, "testCase").SelectMany(c => c.GetProperty("testSteps").EnumerateArray())
            .Where(s => s.TryGetProperty("pickleStepId", out _))
            .ToList();
        var background = steps.First(s => pickleSteps[s.GetProperty("pickleStepId").GetString()!] == "a pool named \"gpu-0\"");

        var argument = background.GetProperty("stepMatchArgumentsLists")[0].GetProperty("stepMatchArguments").EnumerateArray().Single();

        argument.GetProperty("parameterTypeName").GetString().Should().Be("string");
        argument.GetProperty("group").GetProperty("start").GetInt32().Should().Be(13);
        argument.GetProperty("group").GetProperty("value").GetString().Should().Be("\"gpu-0\"", "the raw text, as the report highlights it");
        argument.GetProperty("group").GetProperty("children").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task OnEvent_ParallelFeatures_KeepsEachTestCaseContiguous()
    {
        var runner = Support.FeatureRun.Runner(null, typeof(ReportSteps));
        var path = Path.Combine(ReportRun.TempDirectory(), "messages.ndjson");
        runner.AddListener(new MessageFormatter(path));
        await runner.BeforeTestRunAsync();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Support.FeatureRun.AllAsync(runner, ReportRun.Feature, $"features/parallel/f{i}.feature"))));
        await runner.AfterTestRunAsync();

        var envelopes = (await File.ReadAllLinesAsync(path)).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        All(envelopes, "testCaseStarted").Should().HaveCount(24);
        string? current = null;
        foreach (var envelope in envelopes.Where(e => Kind(e) is "testCaseStarted" or "testStepStarted" or "testStepFinished" or "attachment" or "testCaseFinished"))
        {
            var kind = Kind(envelope);
            var body = envelope.GetProperty(kind);
            if (kind == "testCaseStarted")
            {
                current.Should().BeNull("the previous test case was finished");
                current = body.GetProperty("id").GetString();
                continue;
            }
            body.GetProperty("testCaseStartedId").GetString().Should().Be(current);
            if (kind == "testCaseFinished")
                current = null;
        }
    }
}
