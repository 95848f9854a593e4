using LivingDoc.Messages;
using LivingDoc.Tests.Support;

namespace LivingDoc.Tests;

/// <summary>A filtered run is fine; with --complete every scenario (but @ignore) must have run.</summary>
public sealed class CompletenessTests
{
    [Fact]
    public void Check_AFilteredOutScenario_IsFineUnlessTheRunIsComplete()
    {
        var messages = SampleRun.Messages(SampleEdits.WithoutTestCaseOf("A passing scenario"));
        var files = FeatureFiles.Read(SampleRun.Features).Where(f => f.Uri != "features/not-run.feature").ToArray();

        Verification.Check(messages).Should().BeEmpty();
        Verification.Check(messages, files, complete: true).Should().ContainSingle()
            .Which.Should().Be("scenario 'A passing scenario' (features/outcomes.feature) has no test case: it did not run");
    }

    [Fact]
    public void Check_Complete_AFeatureThatDidNotRun_IsAMismatch()
    {
        Verification.Check(SampleRun.Messages(), FeatureFiles.Read(SampleRun.Features), complete: true).Should().ContainSingle()
            .Which.Should().Be("feature features/not-run.feature (1 scenario) did not run: the messages have nothing of it");
    }

    [Fact]
    public void Check_Complete_AnIgnoredScenarioNeedsNoTestCase()
    {
        var messages = SampleRun.Messages(SampleEdits.WithoutTestCaseOf("An ignored scenario is skipped"));

        Verification.Check(messages, [], complete: true).Should().BeEmpty();
    }
}
