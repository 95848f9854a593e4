using Bdd.Execution;
using Xunit.Abstractions;

namespace Bdd.xUnit;

/// <summary>
/// Runs one scenario (or one outline row) for a generated test method and maps the engine's result to xUnit:
/// returns when it passed, throws <see cref="SkipScenarioException"/> when it must be reported as skipped, and
/// throws <see cref="ScenarioFailedException"/> carrying the result message otherwise.
/// </summary>
public static class ScenarioExecutor
{
    /// <summary>
    /// Runs the scenario whose keyword is on <paramref name="scenarioLine"/> (1-based) and, for an outline row,
    /// the Examples row on <paramref name="exampleRowLine"/>. Output lines go to <paramref name="output"/>.
    /// </summary>
    public static async Task RunAsync(FeatureRunner feature, int scenarioLine, int? exampleRowLine, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(feature);
        ArgumentNullException.ThrowIfNull(output);
        var result = await feature.RunScenarioAsync(scenarioLine, exampleRowLine, new TestOutputScenarioOutput(output));
        ThrowUnlessPassed(result);
    }

    /// <summary>Maps a result to xUnit: nothing for Passed, a skip or a failure exception otherwise.</summary>
    public static void ThrowUnlessPassed(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.ShouldSkip)
        {
            throw new SkipScenarioException(result.Message ?? $"Scenario {result.Status.ToString().ToLowerInvariant()}");
        }

        if (result.Status == ScenarioStatus.Passed)
        {
            return;
        }

        throw new ScenarioFailedException(result.Message ?? $"Scenario {result.Status.ToString().ToLowerInvariant()}", result.Error);
    }
}
