using FeatureCodeBehind.Tests.EndToEnd;
using FeatureCodeBehind.Tests.Suite;

namespace FeatureCodeBehind.Tests.Runner;

/// <summary>
/// The repository's <c>./specs</c> script, run with its reports in a temporary folder (<c>SPECS_REPORTS_DIR</c>) that
/// starts with the reports of an earlier run, each file holding <see cref="OldReport"/>. Deleted when disposed.
/// </summary>
public sealed class SpecsScript : IDisposable
{
    /// <summary>The text of every report of the earlier run.</summary>
    public const string OldReport = "the last good report";

    private readonly DirectoryInfo _reports = Directory.CreateTempSubdirectory("specs-reports-");

    public SpecsScript()
    {
        foreach (var report in Reports)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Folder, report))!);
            File.WriteAllText(Path.Combine(Folder, report), OldReport);
        }
    }

    /// <summary>Every report of a run, relative to the reports folder.</summary>
    public static IReadOnlyList<string> Reports { get; } =
        ["cucumber-messages.ndjson", "cucumber-report.html", "living-doc/index.html", "history/run-1.json"];

    /// <summary>The reports folder.</summary>
    public string Folder => _reports.FullName;

    /// <summary>Runs <c>./specs</c> with <paramref name="arguments"/>.</summary>
    public (int Exit, string Output) Run(params string[] arguments) => DotnetCli.Command(
        "bash", [Path.Combine(RealSuiteTests.RepositoryRoot(), "specs"), .. arguments],
        new Dictionary<string, string> { ["SPECS_REPORTS_DIR"] = Folder });

    /// <summary>The text of each report now, by its relative path (missing ones are absent).</summary>
    public IReadOnlyDictionary<string, string> Current() => Reports.Where(r => File.Exists(Path.Combine(Folder, r)))
        .ToDictionary(r => r, r => File.ReadAllText(Path.Combine(Folder, r)));

    public void Dispose() => _reports.Delete(recursive: true);
}
