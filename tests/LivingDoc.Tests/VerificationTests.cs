using LivingDoc.Messages;
using LivingDoc.Tests.Support;

namespace LivingDoc.Tests;

/// <summary>Each way a report could drop or mislabel a scenario is caught.</summary>
public sealed class VerificationTests
{
    [Fact]
    public void Check_TheRealRun_LinesUp()
    {
        Verification.Check(SampleRun.Messages()).Should().BeEmpty();
    }

    [Fact]
    public void Check_TestCaseOfAnUnknownPickle_IsAMismatch()
    {
        var lines = Edit(line => line.StartsWith("{\"testCase\":", StringComparison.Ordinal), line => Replace(line, "\"pickleId\":\"", "\"pickleId\":\"unknown-"));

        Verification.Check(SampleRun.Messages(lines)).Should().Contain(p => p.Contains("which the messages do not have"));
    }

    [Fact]
    public void Check_StepsOutOfOrder_IsAMismatch()
    {
        var lines = SampleRun.Lines().Select(line => line.StartsWith("{\"testCase\":", StringComparison.Ordinal) && line.Contains("\"testSteps\":[", StringComparison.Ordinal)
            ? SwapPickleSteps(line) : line).ToArray();

        Verification.Check(SampleRun.Messages(lines)).Should().Contain(p => p.Contains("do not line up with its pickle"));
    }

    [Fact]
    public void Check_TwoTestCasesForOnePickle_IsAMismatch()
    {
        var testCase = SampleRun.Lines().First(l => l.StartsWith("{\"testCase\":", StringComparison.Ordinal));
        var lines = SampleRun.Lines().Append(Replace(testCase, "\"id\":\"", "\"id\":\"copy-")).ToArray();

        Verification.Check(SampleRun.Messages(lines)).Should().Contain(p => p.Contains("has 2 test cases"));
    }

    [Fact]
    public void Check_AScenarioThatNeverFinished_IsAMismatch()
    {
        var finished = SampleRun.Lines().First(l => l.StartsWith("{\"testCaseFinished\":", StringComparison.Ordinal));
        var lines = SampleRun.Lines().Where(l => l != finished).ToArray();

        Verification.Check(SampleRun.Messages(lines)).Should().ContainSingle(p => p.Contains("never finished"));
    }

    [Fact]
    public void Check_AStartedTestCaseTheMessagesLack_IsAMismatch()
    {
        var testCase = SampleRun.Lines().First(l => l.StartsWith("{\"testCase\":", StringComparison.Ordinal));
        var lines = SampleRun.Lines().Where(l => l != testCase).ToArray();

        Verification.Check(SampleRun.Messages(lines)).Should().Contain(p => p.Contains("the messages do not have it"));
    }

    [Fact]
    public void Check_AFilteredRun_PicklesWithoutTestCasesAreFine()
    {
        var lines = SampleRun.Lines().Where(l => !l.StartsWith("{\"testCase", StringComparison.Ordinal) && !l.StartsWith("{\"testStep", StringComparison.Ordinal)).ToArray();

        Verification.Check(SampleRun.Messages(lines)).Should().BeEmpty();
    }

    [Fact]
    public void Check_StepsOutOfOrder_NamesTheStepsThatDiffer()
    {
        var lines = SampleEdits.Edit("testCase", c => c["testSteps"]!.AsArray().Count(s => s!["pickleStepId"] is not null) >= 2, c =>
        {
            var steps = c["testSteps"]!.AsArray().Where(s => s!["pickleStepId"] is not null).ToArray();
            (steps[0]!["pickleStepId"], steps[1]!["pickleStepId"]) = (steps[1]!["pickleStepId"]!.DeepClone(), steps[0]!["pickleStepId"]!.DeepClone());
        });

        Verification.Check(SampleRun.Messages(lines)).Should().ContainSingle()
            .Which.Should().MatchRegex("its step 1 runs pickle step .* \\('.*'\\), but the pickle's step 1 is .* \\('.*'\\)");
    }

    [Fact]
    public void Check_ATestCaseWithAStepMissing_IsAMismatch()
    {
        var lines = SampleEdits.Edit("testCase", c => c["pickleId"]!.GetValue<string>() == SampleEdits.PickleId("A passing scenario"),
            c => c["testSteps"]!.AsArray().RemoveAt(c["testSteps"]!.AsArray().Count - 1));

        Verification.Check(SampleRun.Messages(lines)).Should().Contain(p => p.Contains("2 of its steps run pickle steps, the pickle has 3"));
    }

    [Fact]
    public void Check_ATestCaseThatNeverStarted_IsAMismatch()
    {
        var started = SampleRun.Lines().First(l => l.StartsWith("{\"testCaseStarted\":", StringComparison.Ordinal));
        var lines = SampleRun.Lines().Where(l => l != started).ToArray();

        Verification.Check(SampleRun.Messages(lines)).Should().Contain(p => p.Contains("never started"));
    }

    [Fact]
    public void Check_AStepResultForAStepOfNoTestCase_IsAMismatch()
    {
        var lines = SampleEdits.Edit("testStepFinished", _ => true, r => r["testStepId"] = "somebody-elses-step");

        Verification.Check(SampleRun.Messages(lines)).Should().ContainSingle().Which.Should().Contain("which its test case does not have");
    }

    [Fact]
    public void Check_RepeatedIds_AreReportedNotThrown()
    {
        var pickle = SampleRun.Lines().First(l => l.StartsWith("{\"pickle\":", StringComparison.Ordinal));
        var testCase = SampleRun.Lines().First(l => l.StartsWith("{\"testCase\":", StringComparison.Ordinal));
        var messages = SampleRun.Messages([.. SampleRun.Lines(), pickle, testCase]);

        Verification.Check(messages).Should().Contain(p => p.Contains("appears more than once")).And.Contain(p => p.Contains("test case id"));
        RunBuilder.Build(FeatureFiles.Read(SampleRun.Features), messages).Features.Should().HaveCount(3);
    }

    private static string[] Edit(Func<string, bool> which, Func<string, string> edit)
    {
        var done = false;
        return SampleRun.Lines().Select(line =>
        {
            if (done || !which(line))
            {
                return line;
            }

            done = true;
            return edit(line);
        }).ToArray();
    }

    private static string Replace(string line, string what, string with)
    {
        var at = line.IndexOf(what, StringComparison.Ordinal);
        return line[..at] + with + line[(at + what.Length)..];
    }

    private static string SwapPickleSteps(string line)
    {
        var ids = System.Text.RegularExpressions.Regex.Matches(line, "\"pickleStepId\":\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToArray();
        return ids.Length < 2 ? line : line.Replace(ids[0], "\u0001", StringComparison.Ordinal).Replace(ids[1], ids[0], StringComparison.Ordinal).Replace("\u0001", ids[1], StringComparison.Ordinal);
    }
}
