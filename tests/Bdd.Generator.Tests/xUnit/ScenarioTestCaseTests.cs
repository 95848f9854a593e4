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

        cases.Select(c => c.DisplayName).Should().Equal("Outline 1 (x: 1)", "Outline 2 (x: 2)", "Outline 3 (x: 3)");
        cases.Select(c => c.TestMethodArguments.Single()).Should().Equal(12, 13, 18);
        cases[0].Traits["Category"].Should().Equal("feature", "outline", "edge");
        cases[2].Traits["Category"].Should().Equal("feature", "outline", "later", "ignore");
        cases.Should().OnlyContain(c => c.Traits["FeatureTitle"].Single() == "Sample" && c.Traits["Description"].Single() == "A sample feature.");
        cases.Select(c => c.SkipReason).Should().Equal(null, null, "Ignored by @ignore tag");
        cases.Select(c => c.UniqueID).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Discover_Scenario_OneTestCaseWithTitleTraitsAndSkip()
    {
        var testCase = XunitTestHost.Discover(typeof(SampleFeature), nameof(SampleFeature.Ignored)).Single();

        testCase.DisplayName.Should().Be("An ignored scenario");
        testCase.SkipReason.Should().Be("Ignored by @ignore tag");
        testCase.Traits["FeatureTitle"].Should().Equal("Sample");
        testCase.Traits["Category"].Should().Equal("feature", "ignore");
        testCase.TestMethodArguments.Should().BeNull();
    }

    [Fact]
    public void Discover_ScenarioInRule_InheritsRuleTags()
        => XunitTestHost.Discover(typeof(SampleFeature), nameof(SampleFeature.Failing)).Single()
            .Traits["Category"].Should().Equal("feature", "rule", "slow");

    [Fact]
    public void Discover_UntitledScenario_NamedByKeywordAndLine()
        => XunitTestHost.Discover(typeof(SampleFeature), nameof(SampleFeature.Untitled)).Single()
            .DisplayName.Should().Be("Scenario at line 34");

    [Fact]
    public async Task Discover_LineWithoutScenario_OneTestCaseThatFailsSayingSo()
    {
        var testCase = XunitTestHost.Discover(typeof(SampleFeature), nameof(SampleFeature.Stale)).Single();

        var (summary, messages) = await XunitTestHost.RunAsync(testCase);

        (summary.Total, summary.Failed).Should().Be((1, 1));
        messages.OfType<ITestFailed>().Single().Messages[0].Should().Be(
            "features/sample.feature has no Scenario or Scenario Outline on line 3: rebuild so that the generated tests match the feature file.");
    }

    [Fact]
    public void TryGetScenarioLine_OnlyMethodsListedInTheFeatureFileAttribute()
    {
        ScenarioDiscoverer.TryGetScenarioLine(XunitTestHost.TestMethod(typeof(SampleFeature), nameof(SampleFeature.Failing)), out var line).Should().BeTrue();
        line.Should().Be(31);
        ScenarioDiscoverer.TryGetScenarioLine(XunitTestHost.TestMethod(typeof(SampleFeature), nameof(SampleFeature.Helper)), out _).Should().BeFalse();
        ScenarioDiscoverer.TryGetScenarioLine(XunitTestHost.TestMethod(typeof(NotAFeature), nameof(NotAFeature.Orphan)), out _).Should().BeFalse();
    }

    [Fact]
    public void ParseScenarioMethods_MalformedPair_ClearError()
    {
        var parse = () => FeatureFileAttribute.ParseScenarioMethods("Good=3 Bad=x");

        parse.Should().Throw<FormatException>().WithMessage("'Bad=x' in [FeatureFile] scenario methods is not Method=line.");
    }

    [Fact]
    public void SerializeDeserialize_OutlineRow_KeepsDisplayNameTraitsSkipAndArguments()
    {
        var original = XunitTestHost.Discover(typeof(SampleFeature), nameof(SampleFeature.Outline))[2];

        var copy = SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(original))!;

        copy.Should().BeOfType<ScenarioTestCase>();
        copy.DisplayName.Should().Be("Outline 3 (x: 3)");
        copy.SkipReason.Should().Be("Ignored by @ignore tag");
        copy.Traits["Category"].Should().Equal("feature", "outline", "later", "ignore");
        copy.Traits["Description"].Should().Equal("A sample feature.");
        copy.TestMethodArguments.Should().Equal(18);
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
        failed.Messages[0].Should().Be("Then it fails (features/sample.feature:32)");
    }

    [Fact]
    public async Task Run_OutlineRow_PassesRowLineToMethod()
    {
        var testCase = XunitTestHost.Discover(typeof(SampleFeature), nameof(SampleFeature.Outline))[1];

        var (summary, messages) = await XunitTestHost.RunAsync(testCase);

        summary.Failed.Should().Be(1, "the sample method fails for row 13 only");
        messages.OfType<ITestFailed>().Single().Messages[0].Should().Be("row 13");
    }
}

/// <summary>
/// Shaped like a generated feature class, but its methods do their own thing instead of running scenarios
/// (internal: xUnit itself does not run it).
/// </summary>
#pragma warning disable xUnit1000 // internal on purpose: only the tests above run these methods
[FeatureFile("features/sample.feature", "en", Text, "Outline=6 Ignored=21 DynamicallySkipped=24 Failing=31 Untitled=34 Stale=3")]
internal sealed class SampleFeature
{
    public const string Text = """
        @feature
        Feature: Sample
          A sample feature.

          @outline
          Scenario Outline: Outline <x>
            Given <x>

            @edge
            Examples:
              | x |
              | 1 |
              | 2 |

            @later @ignore
            Examples:
              | x |
              | 3 |

          @ignore
          Scenario: An ignored scenario
            Given a step

          Scenario: A skipped scenario
            Given x

          @rule
          Rule: Failures

            @slow
            Scenario: A failing scenario
              Then it fails

            Scenario:
              Given a step
        """;

    public Task Outline(int exampleRowLine)
        => exampleRowLine == 13 ? throw new ScenarioFailedException("row " + exampleRowLine) : Task.CompletedTask;

    public Task Ignored() => Task.CompletedTask;

    public async Task DynamicallySkipped()
    {
        await Task.Yield();
        throw new SkipScenarioException("step 'Given x' is undefined");
    }

    public Task Failing() => throw new ScenarioFailedException("Then it fails (features/sample.feature:32)");

    public Task Untitled() => Task.CompletedTask;

    public Task Stale() => Task.CompletedTask;

    public Task Helper() => Task.CompletedTask;
}

/// <summary>A class that was not generated from a feature.</summary>
internal sealed class NotAFeature
{
    public Task Orphan() => Task.CompletedTask;
}
#pragma warning restore xUnit1000
