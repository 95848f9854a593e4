using Bdd.xUnit;
using FluentAssertions;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bdd.Generator.Tests.xUnit;

public class ScenarioTestCaseTests
{
    [Fact]
    public void Discover_Outline_OneTestCasePerRowWithRowDisplayNameTraitsAndSkip()
    {
        var cases = XunitTestHost.Discover(typeof(SampleFeature), nameof(SampleFeature.Outline));

        cases.Select(c => c.DisplayName).Should().Equal("Outline (x: 1)", "Outline (x: 2)", "Outline (x: 3)");
        cases.Select(c => c.TestMethodArguments.Single()).Should().Equal(10, 11, 15);
        cases[0].Traits["Category"].Should().BeEquivalentTo("feature", "outline", "edge");
        cases[2].Traits["Category"].Should().BeEquivalentTo("feature", "outline", "later", "ignore");
        cases.Select(c => c.SkipReason).Should().Equal(null, null, "Ignored by @ignore tag");
        cases.Select(c => c.UniqueID).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Discover_Fact_OneTestCaseWithMethodDisplayNameAndSkip()
    {
        var testCase = XunitTestHost.Discover(typeof(SampleFeature), nameof(SampleFeature.Ignored)).Single();

        testCase.DisplayName.Should().Be("An ignored scenario");
        testCase.SkipReason.Should().Be("Ignored by @ignore tag");
        testCase.Traits["FeatureTitle"].Should().Equal("Sample");
    }

    [Fact]
    public void SerializeDeserialize_OutlineRow_KeepsDisplayNameTraitsSkipAndArguments()
    {
        var original = XunitTestHost.Discover(typeof(SampleFeature), nameof(SampleFeature.Outline))[2];

        var copy = SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(original))!;

        copy.Should().BeOfType<ScenarioTestCase>();
        copy.DisplayName.Should().Be("Outline (x: 3)");
        copy.SkipReason.Should().Be("Ignored by @ignore tag");
        copy.Traits["Category"].Should().BeEquivalentTo("feature", "outline", "later", "ignore");
        copy.TestMethodArguments.Should().Equal(15);
        copy.UniqueID.Should().Be(original.UniqueID);
    }

    [Fact]
    public async Task Run_ScenarioThrowsSkipScenarioException_ReportedAsSkippedWithReason()
    {
        var testCase = XunitTestHost.Discover(typeof(SampleFeature), nameof(SampleFeature.DynamicallySkipped)).Single();

        var (summary, messages) = await XunitTestHost.RunAsync(testCase);

        (summary.Total, summary.Failed, summary.Skipped).Should().Be((1, 0, 1));
        messages.OfType<ITestSkipped>().Single().Reason.Should().Be("step 'Given x' is undefined");
        messages.OfType<ITestFailed>().Should().BeEmpty();
    }

    [Fact]
    public async Task Run_ScenarioFails_ReportedAsFailedWithResultMessage()
    {
        var testCase = XunitTestHost.Discover(typeof(SampleFeature), nameof(SampleFeature.Failing)).Single();

        var (summary, messages) = await XunitTestHost.RunAsync(testCase);

        (summary.Total, summary.Failed, summary.Skipped).Should().Be((1, 1, 0));
        var failed = messages.OfType<ITestFailed>().Single();
        failed.ExceptionTypes[0].Should().Be(typeof(ScenarioFailedException).FullName);
        failed.Messages[0].Should().Be("Then it fails (features/sample.feature:7)");
    }

    [Fact]
    public async Task Run_OutlineRow_PassesRowLineToMethod()
    {
        var testCase = XunitTestHost.Discover(typeof(SampleFeature), nameof(SampleFeature.Outline))[1];

        var (summary, messages) = await XunitTestHost.RunAsync(testCase);

        summary.Failed.Should().Be(1, "the sample method fails for row 11 only");
        messages.OfType<ITestFailed>().Single().Messages[0].Should().Be("row 11");
    }
}

/// <summary>Shaped like a generated feature class (internal: xUnit itself does not run it).</summary>
#pragma warning disable xUnit1000 // internal on purpose: only the tests above run these methods
[Trait("FeatureTitle", "Sample")]
[Trait("Category", "feature")]
internal sealed class SampleFeature
{
    [ScenarioTheory(DisplayName = "Outline")]
    [Trait("Category", "outline")]
    [ScenarioRow(10, "Outline (x: 1)", "edge")]
    [ScenarioRow(11, "Outline (x: 2)", "edge")]
    [ScenarioRow(15, "Outline (x: 3)", "later", "ignore", Skip = "Ignored by @ignore tag")]
    public Task Outline(int exampleRowLine)
        => exampleRowLine == 11 ? throw new ScenarioFailedException("row " + exampleRowLine) : Task.CompletedTask;

    [ScenarioFact(DisplayName = "An ignored scenario", Skip = "Ignored by @ignore tag")]
    public Task Ignored() => Task.CompletedTask;

    [ScenarioFact(DisplayName = "A skipped scenario")]
    public async Task DynamicallySkipped()
    {
        await Task.Yield();
        throw new SkipScenarioException("step 'Given x' is undefined");
    }

    [ScenarioFact(DisplayName = "A failing scenario")]
    public Task Failing() => throw new ScenarioFailedException("Then it fails (features/sample.feature:7)");
}
#pragma warning restore xUnit1000
