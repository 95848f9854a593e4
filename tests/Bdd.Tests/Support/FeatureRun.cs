using Bdd.Configuration;
using Bdd.Execution;

namespace Bdd.Tests.Support;

/// <summary>Runs every scenario of inline feature text against explicit binding types.</summary>
public static class FeatureRun
{
    public const string Uri = "features/test.feature";

    public static TestRunner Runner(BddConfiguration? configuration, params Type[] bindings)
        => TestRunner.Create(bindings, configuration);

    public static async Task<IReadOnlyList<(ScenarioResult Result, RecordingOutput Output)>> AllAsync(string feature, params Type[] bindings)
        => await AllAsync(Runner(null, bindings), feature);

    public static async Task<IReadOnlyList<(ScenarioResult Result, RecordingOutput Output)>> AllAsync(TestRunner runner, string feature, string uri = Uri)
    {
        var featureRunner = runner.GetFeature(new FeatureSource(uri, feature));
        var results = new List<(ScenarioResult, RecordingOutput)>();
        foreach (var (scenarioLine, rowLine) in Scenarios(featureRunner))
        {
            var output = new RecordingOutput();
            results.Add((await featureRunner.RunScenarioAsync(scenarioLine, rowLine, output), output));
        }
        return results;
    }

    /// <summary>Runs the single scenario of a feature.</summary>
    public static async Task<(ScenarioResult Result, RecordingOutput Output)> OneAsync(string feature, params Type[] bindings)
        => (await AllAsync(feature, bindings)).Single();

    public static async Task<(ScenarioResult Result, RecordingOutput Output)> OneAsync(TestRunner runner, string feature)
        => (await AllAsync(runner, feature)).Single();

    public static IEnumerable<(int ScenarioLine, int? RowLine)> Scenarios(FeatureRunner featureRunner)
    {
        var compiled = featureRunner.Compiled;
        foreach (var pickle in compiled.Pickles)
        {
            var scenario = compiled.Scenario(pickle.AstNodeIds[0]).Scenario;
            yield return (scenario.Location.Line, pickle.AstNodeIds.Count > 1 ? pickle.Location.Line : null);
        }
    }
}
