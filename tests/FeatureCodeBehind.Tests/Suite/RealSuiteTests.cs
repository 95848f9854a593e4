using FeatureXunit;

namespace FeatureCodeBehind.Tests.Suite;

/// <summary>
/// Over the repository's own features/: every pickle becomes exactly one test with its tags as traits, the
/// code-behind embeds and counts the feature's messages, and the plan of every pickle makes one runner call per pickle
/// step, so Reqnroll's reports line up with the pickles.
/// </summary>
public sealed class RealSuiteTests
{
    public static TheoryData<string> Features()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "features"), "*.feature", SearchOption.AllDirectories).Order())
        {
            data.Add(Path.GetRelativePath(RepositoryRoot(), path).Replace('\\', '/'));
        }

        return data;
    }

    [Fact]
    public void Features_AreFound()
    {
        Features().Should().HaveCountGreaterThanOrEqualTo(14);
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void Catalog_EveryPickle_BecomesExactlyOneTestWithItsTags(string relativePath)
    {
        var feature = FeatureParser.Parse(relativePath, File.ReadAllText(Path.Combine(RepositoryRoot(), relativePath)), "en");

        var entries = ScenarioCatalog.Build(feature.Document, feature.Pickles);

        entries.Should().HaveCount(feature.Pickles.Count, $"{relativePath} has {feature.Pickles.Count} pickles");
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i].Categories.Should().BeEquivalentTo(feature.Pickles[i].Tags.Select(t => t.Name.TrimStart('@')).Distinct());
        }

        var code = CodeBehindFiles.Generate(feature, "Steps", relativePath, GeneratorConfig.Default).Code;
        code.Should().Contain($", {feature.Pickles.Count},").And.Contain($"\"{relativePath}.ndjson\", {feature.Pickles.Count + 2})")
            .And.Contain($"[global::FeatureXunit.FeatureFile(\"{relativePath}.ndjson\"");
        var names = System.Text.RegularExpressions.Regex.Matches(code, @"FeatureXunit\.Scenarios\((.*)\)\]").Should().ContainSingle("one method stands for every scenario").Subject
            .Groups[1].Value.Split(", ");
        names.Should().HaveCount(feature.Pickles.Count, "every pickle has its test's method name, in pickle order")
            .And.OnlyContain(n => System.Text.RegularExpressions.Regex.IsMatch(n, "^\"[A-Z_][A-Za-z0-9_]*\"$"), "each is a method name as Reqnroll.xUnit makes it");
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void Plans_EveryPickleStep_IsOneRunnerCall(string relativePath)
    {
        var feature = FeatureParser.Parse(relativePath, File.ReadAllText(Path.Combine(RepositoryRoot(), relativePath)), "en");

        var plans = ScenarioPlans.Build(feature.Document, feature.Pickles);

        plans.Should().HaveCount(feature.Pickles.Count);
        for (var i = 0; i < plans.Count; i++)
        {
            plans[i].Steps.Select(s => s.Text).Should().Equal(feature.Pickles[i].Steps.Select(s => s.Text), $"pickle {i} of {relativePath}");
        }
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Specs.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Specs.sln not found above " + AppContext.BaseDirectory);
    }
}
