using FeatureCodeBehind.Tests.Suite;

namespace FeatureCodeBehind.Tests.EndToEnd;

/// <summary>
/// Builds tests/FeatureSample once and runs it with <c>dotnet test</c> the way a user does: everything with the
/// messages formatter on, and with filters. Each run keeps its TRX, its NDJSON and the test-run hook log.
/// </summary>
public sealed class SampleSuite : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("feature-sample-").FullName;
    private readonly Dictionary<string, SampleRun> _runs = [];
    private readonly string _project = Path.Combine(RealSuiteTests.RepositoryRoot(), "tests", "FeatureSample", "FeatureSample.csproj");

    public SampleSuite()
    {
        var (exit, output) = DotnetCli.Run(["build", _project, "-nologo", "-v:q"]);
        if (exit != 0)
        {
            throw new InvalidOperationException("tests/FeatureSample does not build:\n" + output);
        }
    }

    /// <summary>The feature file <paramref name="name"/> of the sample, as its build knows it.</summary>
    public string Feature(string name) => Path.Combine(Path.GetDirectoryName(_project)!, "features", name);

    /// <summary>The run with <paramref name="filter"/> (empty: every test) and the environment <paramref name="selection"/> (e.g. SPECS_SHARD=1/2), made once.</summary>
    public SampleRun Run(string filter, params (string Name, string Value)[] selection)
    {
        lock (_runs)
        {
            var key = filter + string.Concat(selection.Select(s => $"\n{s.Name}={s.Value}"));
            if (!_runs.TryGetValue(key, out var run))
            {
                var folder = Path.Combine(_work, "run" + _runs.Count);
                string[] arguments = ["test", _project, "--no-build", "-nologo", "--logger", "trx;LogFileName=run.trx", "--results-directory", folder];
                var (exit, output) = DotnetCli.Run(filter.Length == 0 ? arguments : [.. arguments, "--filter", filter], new Dictionary<string, string>
                {
                    ["REQNROLL_FORMATTERS_MESSAGE"] = "outputFilePath=" + Path.Combine(folder, "messages.ndjson"),
                    ["REQNROLL_FORMATTERS_HTML"] = "false",
                    ["SAMPLE_HOOK_LOG"] = Path.Combine(folder, "hooks.txt"),
                }.Concat(selection.Select(s => KeyValuePair.Create(s.Name, s.Value))).ToDictionary());
                run = _runs[key] = new SampleRun(folder, exit, output);
            }

            return run;
        }
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
