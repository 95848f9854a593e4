using System.Diagnostics;

namespace Bdd.Benchmarks;

/// <summary>A quick in-process loop over the dispatch benchmark (no BenchmarkDotNet), printing ns per operation.</summary>
internal static class QuickDispatch
{
    public static int Run(int iterations)
    {
        var benchmark = new DispatchBenchmarks();
        benchmark.Setup();
        Measure("Match", iterations, () => benchmark.Match());
        Measure("MatchConvertInvoke", iterations, () => benchmark.MatchConvertInvoke().IsCompletedSuccessfully);
        return 0;
    }

    private static void Measure(string name, int iterations, Func<bool> operation)
    {
        for (var i = 0; i < iterations / 10; i++)
            operation();
        var samples = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var stopwatch = Stopwatch.StartNew();
            for (var i = 0; i < iterations; i++)
                operation();
            samples.Add(stopwatch.Elapsed.TotalNanoseconds / iterations);
        }
        samples.Sort();
        Console.WriteLine($"{name}: median {samples[2]:0} ns/op (min {samples[0]:0}, max {samples[^1]:0})");
    }
}
