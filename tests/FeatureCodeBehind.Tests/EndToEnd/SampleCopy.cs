using FeatureCodeBehind.Tests.Suite;

namespace FeatureCodeBehind.Tests.EndToEnd;

/// <summary>
/// A copy of tests/FeatureSample in a temporary folder, with the repository's build settings and its references made
/// absolute, for tests that edit features between builds: the real sample stays untouched. Deleted when disposed.
/// </summary>
public sealed class SampleCopy : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("feature-sample-copy-");

    public SampleCopy()
    {
        var repository = RealSuiteTests.RepositoryRoot();
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json" })
        {
            File.Copy(Path.Combine(repository, file), Path.Combine(_root.FullName, file));
        }

        var sample = Path.Combine(repository, "tests", "FeatureSample");
        Project = Path.Combine(_root.FullName, "tests", "FeatureSample");
        foreach (var file in Directory.EnumerateFiles(sample, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(sample, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Project, relative))!);
            File.Copy(file, Path.Combine(Project, relative));
        }

        var project = Path.Combine(Project, "FeatureSample.csproj");
        File.WriteAllText(project, File.ReadAllText(project).Replace(@"..\..\src\", Path.Combine(repository, "src") + "/", StringComparison.Ordinal));
    }

    /// <summary>The copy's project folder.</summary>
    public string Project { get; }

    /// <summary>Replaces <paramref name="from"/> with <paramref name="to"/> in a feature of the copy (e.g. <c>outcomes.feature</c>).</summary>
    public void Edit(string feature, string from, string to)
    {
        var path = Path.Combine(Project, "features", feature);
        var text = File.ReadAllText(path);
        text.Should().Contain(from, "the edit must change the feature");
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    /// <summary><c>dotnet build</c> of the copy.</summary>
    public (int Exit, string Output) Build() => DotnetCli.Run(["build", Project, "-nologo", "-v:q"]);

    /// <summary><c>dotnet test</c> of the copy, with <paramref name="options"/>; its results in the returned run.</summary>
    public SampleRun Test(params string[] options)
    {
        var folder = Path.Combine(_root.FullName, "results", Guid.NewGuid().ToString("N"));
        var (exit, output) = DotnetCli.Run(
            ["test", Project, "-nologo", "--logger", "trx;LogFileName=run.trx", "--results-directory", folder, .. options],
            new Dictionary<string, string> { ["REQNROLL_FORMATTERS_DISABLED"] = "true" });
        return new SampleRun(folder, exit, output);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
