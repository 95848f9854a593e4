using LivingDoc.Messages;
using LivingDoc.Model;
using LivingDoc.Tests.Support;

namespace LivingDoc.Tests;

/// <summary>A scenario's anchor is its feature's path and its name (and an outline row's values): nothing else moves it.</summary>
public sealed class ScenarioKeysTests
{
    private static readonly string Outcomes = File.ReadAllText(Path.Combine(SampleRun.Features, "outcomes.feature"));

    private static Dictionary<string, string> Anchors(DocFeature feature)
    {
        var keys = new ScenarioKeys(feature);
        return feature.Pickles.ToDictionary(p => p.Name + "|" + (p.AstNodeIds.Count > 1 ? p.AstNodeIds[1] : ""), keys.Of, StringComparer.Ordinal)
            .Select(kv => (Name: kv.Key.Split('|')[0], Anchor: kv.Value)).GroupBy(x => x.Name).ToDictionary(g => g.Key, g => string.Join(" ", g.Select(x => x.Anchor)));
    }

    [Fact]
    public void Of_IsTheFeaturePathAndTheScenarioNameAndTheRowValues()
    {
        var anchors = Anchors(FeatureFiles.Parse("features/outcomes.feature", Outcomes));

        anchors["A passing scenario"].Should().Be("outcomes--a-passing-scenario");
        anchors["Increase by 100"].Should().Be("outcomes--increase-by-by--100-100");
        FeatureFiles.Parse("features/supervision/drain.feature", "Feature: D\n  Scenario: Drain a pool (gpu-0)\n    Given x\n").Pickles
            .Select(new ScenarioKeys(FeatureFiles.Parse("features/supervision/drain.feature", "Feature: D\n  Scenario: Drain a pool (gpu-0)\n    Given x\n")).Of)
            .Should().Equal("supervision-drain--drain-a-pool-gpu-0");
    }

    [Fact]
    public void Of_IsUnchangedByEditsElsewhereInTheFile()
    {
        var before = Anchors(FeatureFiles.Parse("features/outcomes.feature", Outcomes));
        var edited = Outcomes.Replace("  Scenario: A passing scenario", "  Scenario: Inserted first\n    Given a counter at 7\n\n  Scenario: A passing scenario", StringComparison.Ordinal)
            .Replace("Then the counter reads 3", "Then the counter reads 4", StringComparison.Ordinal);

        var after = Anchors(FeatureFiles.Parse("features/outcomes.feature", edited));

        after.Should().Contain(before).And.ContainKey("Inserted first");
    }

    [Fact]
    public void Of_IsTheSameInAFilteredRunAFullRunAndTheDocumentation()
    {
        static Dictionary<string, string> In(RunMessages messages) =>
            Anchors(RunBuilder.Build(FeatureFiles.Read(SampleRun.Features), messages).Features.Single(f => f.Uri == "features/outcomes.feature"));

        var full = In(SampleRun.Messages());

        In(SampleRun.Messages(SampleEdits.WithoutTestCaseOf("A passing scenario"))).Should().Equal(full);
        In(new RunMessages([])).Should().Equal(full);
    }

    [Fact]
    public void Of_ARepeatedNameOrRow_IsNumbered()
    {
        var feature = FeatureFiles.Parse("features/x.feature",
            "Feature: X\n  Scenario: Same\n    Given a\n  Scenario: Same\n    Given b\n  Scenario Outline: Rows <n>\n    Given <n>\n    Examples:\n      | n |\n      | 1 |\n      | 1 |\n");

        feature.Pickles.Select(new ScenarioKeys(feature).Of).Should().Equal("x--same", "x--same-2", "x--rows-n--1", "x--rows-n--1-2");
    }
}
