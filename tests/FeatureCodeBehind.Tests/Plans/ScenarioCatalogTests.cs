using FeatureCodeBehind.Tests.Golden;
using FeatureXunit;

namespace FeatureCodeBehind.Tests.Plans;

/// <summary>How each pickle appears in the test runner: name, traits and the line it navigates to.</summary>
public sealed class ScenarioCatalogTests
{
    private static readonly IReadOnlyList<ScenarioEntry> Showcase = Catalog("showcase.feature");

    private static IReadOnlyList<ScenarioEntry> Catalog(string file)
    {
        var feature = FeatureParser.Parse("features/golden/" + file, File.ReadAllText(Path.Combine(GoldenFiles.SourceDirectory(), file)), "en-US");
        return ScenarioCatalog.Build(feature.Document, feature.Pickles);
    }

    [Fact]
    public void Build_EveryPickle_HasAnEntryInPickleOrder()
    {
        Showcase.Select(e => e.DisplayName).Should().Equal(
            "A plain scenario with a data table", "Add 1 and 2", "Add 100 and 200", "Add 500 and 500", "A doc string is stored verbatim");
        Showcase.Select(e => e.Line).Should().Equal(10, 25, 30, 31, 39);
        Showcase.Should().OnlyContain(e => e.FeatureTitle == "Showcase of every construct");
    }

    [Fact]
    public void Build_Categories_AreEveryTagThePickleCarriesOrInherits()
    {
        Showcase[0].Categories.Should().Equal("showcase", "serial");
        Showcase[2].Categories.Should().Equal("showcase", "serial", "outline", "large");
        Showcase[4].Categories.Should().Equal("showcase", "serial", "rule-tag", "doc");
    }

    [Fact]
    public void Build_OutlineRow_KeepsTheOutlineTitleAsItsDescription()
    {
        Showcase[1].ScenarioTitle.Should().Be("Add <a> and <b>");
    }

    [Fact]
    public void Build_RowsOfAnOutlineWithoutPlaceholdersInItsTitle_AreToldApartByTheirCells()
    {
        var feature = FeatureParser.Parse("features/x.feature",
            "Feature: x\n  Scenario Outline: Same title\n    Given <n>\n    Examples:\n      | n |\n      | 1 |\n      | 2 |\n" +
            "  Scenario Outline: Described <n>\n    Given <n>\n    Examples:\n      | description | n |\n      | the first | 1 |\n", "en-US");

        var entries = ScenarioCatalog.Build(feature.Document, feature.Pickles);

        entries.Select(e => e.DisplayName).Should().Equal("Same title [1]", "Same title [2]", "Described 1 [the first]");
    }

    [Fact]
    public void Build_EveryPickle_HasItsStableId()
    {
        Showcase.Select(e => e.Id).Should().Equal(
            "features/golden/showcase.feature/a-plain-scenario-with-a-data-table",
            "features/golden/showcase.feature/add-a-and-b/1",
            "features/golden/showcase.feature/add-a-and-b/2",
            "features/golden/showcase.feature/add-a-and-b/3",
            "features/golden/showcase.feature/a-doc-string-is-stored-verbatim");
    }

    [Fact]
    public void Build_ScenariosWithTheSameTitle_GetNumberedIds()
    {
        var feature = FeatureParser.Parse("features/x.feature",
            "Feature: x\n  Scenario: Twice, the same!\n    Given a\n  Rule: r\n    Scenario: twice the same\n      Given b\n", "en-US");

        ScenarioCatalog.Build(feature.Document, feature.Pickles).Select(e => e.Id).Should().Equal(
            "features/x.feature/twice-the-same", "features/x.feature/twice-the-same-2");
    }
}
