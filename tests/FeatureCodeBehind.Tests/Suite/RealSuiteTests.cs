using FeatureXunit;

namespace FeatureCodeBehind.Tests.Suite;

/// <summary>
/// Over the repository's own features/: every pickle becomes exactly one test that runs it, and the plan of every
/// pickle makes one runner call per pickle step, so Reqnroll's reports line up with the pickles.
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
    public void Generate_EveryPickle_BecomesExactlyOneTest(string relativePath)
    {
        var feature = FeatureParser.Parse(relativePath, File.ReadAllText(Path.Combine(RepositoryRoot(), relativePath)), "en");

        var code = CodeBehindFiles.Generate(feature, "Steps", relativePath, GeneratorConfig.Default).Code;

        var indices = System.Text.RegularExpressions.Regex.Matches(code, @"=> RunAsync\((\d+)\);").Select(m => int.Parse(m.Groups[1].Value)).ToArray();
        indices.Should().Equal(Enumerable.Range(0, feature.Pickles.Count), $"{relativePath} has {feature.Pickles.Count} pickles");
        code.Should().Contain($", {feature.Pickles.Count},").And.Contain($"\"{relativePath}.ndjson\", {feature.Pickles.Count + 2})");
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
