using System.Diagnostics;
using System.Text;
using Bdd.Execution;

namespace Bdd.Benchmarks;

/// <summary>Runs N trivial three-step scenarios (50 features) through TestRunner/FeatureRunner and prints the elapsed time.</summary>
internal static class ScenarioThroughput
{
    private sealed class NullOutput : IScenarioOutput
    {
        public void WriteLine(string message) { }
    }

    public static async Task<int> RunAsync(int scenarioCount)
    {
        const int featureCount = 50;
        var perFeature = Math.Max(1, scenarioCount / featureCount);
        var runner = TestRunner.Create([typeof(Bindings.ManyBindings)]);
        var features = new List<FeatureRunner>();
        for (var f = 0; f < featureCount; f++)
        {
            var text = new StringBuilder($"Feature: Throughput {f}\n");
            for (var s = 0; s < perFeature; s++)
            {
                text.Append($"  Scenario: Scenario {s}\n")
                    .Append($"    Given the pool \"gpu-{s}\" has {s} leases\n")
                    .Append("    And the pool is draining\n")
                    .Append($"    And a pool number 0 has {f} items\n");
            }
            features.Add(runner.GetFeature(new FeatureSource($"features/throughput{f}.feature", text.ToString())));
        }

        var output = new NullOutput();
        var stopwatch = Stopwatch.StartNew();
        var failed = 0;
        var total = 0;
        foreach (var feature in features)
        {
            foreach (var pickle in feature.Compiled.Pickles)
            {
                var line = feature.Compiled.Scenario(pickle.AstNodeIds[0]).Scenario.Location.Line;
                var result = await feature.RunScenarioAsync(line, null, output);
                total++;
                if (result.Status != ScenarioStatus.Passed)
                {
                    failed++;
                    if (failed == 1)
                        Console.Error.WriteLine(result.Message);
                }
            }
        }
        stopwatch.Stop();
        Console.WriteLine($"{total} scenarios ({total * 3} steps) in {stopwatch.Elapsed.TotalSeconds:0.000} s "
            + $"({stopwatch.Elapsed.TotalMilliseconds * 1000 / total:0.0} µs per scenario, parse and plan included); failed: {failed}");
        return failed == 0 ? 0 : 1;
    }
}
