namespace FeatureCodeBehind.Tests.Parsing;

public sealed class ClassNamesTests
{
    private static ParsedFeature Feature(string uri, string title) => FeatureParser.Parse(uri, $"Feature: {title}\n", "en-US");

    [Fact]
    public void Assign_DistinctTitles_NamesEachAfterItsTitle()
    {
        var names = ClassNames.Assign([Feature("features/a/drain.feature", "Drain"), Feature("features/a/reload.feature", "Reload with rollback")]);

        names.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["features/a/drain.feature"] = "DrainFeature",
            ["features/a/reload.feature"] = "ReloadWithRollbackFeature",
        });
    }

    [Fact]
    public void Assign_SameTitleInOneFolder_NamesThemAfterTheirFiles()
    {
        var names = ClassNames.Assign([Feature("features/a/drain.feature", "Drain"), Feature("features/a/drain-deadline.feature", "Drain")]);

        names["features/a/drain.feature"].Should().Be("DrainFeature");
        names["features/a/drain-deadline.feature"].Should().Be("DrainDeadlineFeature");
    }

    [Fact]
    public void Assign_SameTitleInDifferentFolders_KeepsTheTitleName()
    {
        var names = ClassNames.Assign([Feature("features/a/x.feature", "Drain"), Feature("features/b/y.feature", "Drain")]);

        names.Values.Should().Equal("DrainFeature", "DrainFeature");
    }

    [Fact]
    public void Assign_FileNameClashingWithATitle_GetsANumber()
    {
        var names = ClassNames.Assign([
            Feature("features/a/one.feature", "Drain"), Feature("features/a/drain.feature", "Drain"), Feature("features/a/q.feature", "Drain feature x"),
            Feature("features/a/three.feature", "Three")]);

        names.Values.Should().OnlyHaveUniqueItems();
    }
}
