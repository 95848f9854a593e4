using BenchmarkDotNet.Running;
using Bdd.Benchmarks;

// dotnet run -c Release --project bench/Bdd.Benchmarks -- --filter '*'      BenchmarkDotNet (step dispatch)
// dotnet run -c Release --project bench/Bdd.Benchmarks -- scenarios [5000]  scenario throughput through the runner
// dotnet run -c Release --project bench/Bdd.Benchmarks -- dispatch           quick dispatch loop (ns/op, no BenchmarkDotNet)
if (args.Length > 0 && args[0] == "scenarios")
{
    var count = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5000;
    return await ScenarioThroughput.RunAsync(count);
}

if (args.Length > 0 && args[0] == "dispatch")
    return QuickDispatch.Run(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000);

BenchmarkSwitcher.FromAssembly(typeof(DispatchBenchmarks).Assembly).Run(args);
return 0;
