using BenchmarkDotNet.Running;
using Runtime.Benchmarks.Contexts;
using Runtime.Benchmarks.Drain;

// dotnet run -c Release --project bench/Runtime.Benchmarks -- --filter '*CircuitBreaker*'   (BenchmarkDotNet)
// dotnet run -c Release --project bench/Runtime.Benchmarks -- trace-latency                 (custom harness)
// dotnet run -c Release --project bench/Runtime.Benchmarks -- drain-latency                 (custom harness)
// dotnet run -c Release --project bench/Runtime.Benchmarks -- execute-overhead              (custom harness)
// dotnet run -c Release --project bench/Runtime.Benchmarks -- reload-load                   (custom harness, real engines)
return args switch
{
    ["trace-latency", ..] => TraceLatencyHarness.Run(Console.Out),
    ["drain-latency", ..] => DrainLatencyHarness.Run(Console.Out),
    ["execute-overhead", ..] => ExecuteOverheadHarness.Run(Console.Out),
    ["reload-load", ..] => Runtime.Benchmarks.Reload.ReloadUnderLoadHarness.Run(Console.Out),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
