using Bdd.Execution;
using Bdd.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Execution;

public sealed class ScenarioState
{
    public List<string> Seen { get; } = [];
}

[Binding]
public sealed class ParallelSteps(ScenarioState state, IReqnrollOutputHelper output)
{
    [Given("scenario {int} stores its id")]
    public async Task Store(int id)
    {
        state.Seen.Add(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Task.Yield();
    }

    [Then("scenario {int} sees only its own id")]
    public async Task Check(int id)
    {
        await Task.Yield();
        output.WriteLine("seen: " + string.Join(",", state.Seen));
        state.Seen.Should().Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public class ParallelTests
{
    [Fact]
    public async Task RunScenarioAsync_FiftyConcurrentScenariosInTwoFeatures_DoNotShareState()
    {
        var runner = FeatureRun.Runner(null, typeof(ParallelSteps));
        var features = Enumerable.Range(0, 2).Select(f =>
        {
            var text = "Feature: Parallel " + f + "\n" + string.Concat(Enumerable.Range(0, 25).Select(i =>
                $"  Scenario: S{i}\n    Given scenario {f * 100 + i} stores its id\n    Then scenario {f * 100 + i} sees only its own id\n"));
            return runner.GetFeature(new FeatureSource($"features/parallel{f}.feature", text));
        }).ToList();

        var runs = features.SelectMany(feature => FeatureRun.Scenarios(feature).Select(s => (feature, s.ScenarioLine, s.RowLine)))
            .Select(x => Task.Run(async () =>
            {
                var output = new RecordingOutput();
                var result = await x.feature.RunScenarioAsync(x.ScenarioLine, x.RowLine, output);
                return (result, output);
            }))
            .ToList();
        var results = await Task.WhenAll(runs);

        results.Should().HaveCount(50);
        results.Should().OnlyContain(r => r.result.Status == ScenarioStatus.Passed, string.Join("\n", results.Select(r => r.result.Message)));
        results.Select(r => r.output.Lines.Single(l => l.StartsWith("seen: ", StringComparison.Ordinal))).Distinct().Should().HaveCount(50);
    }
}
