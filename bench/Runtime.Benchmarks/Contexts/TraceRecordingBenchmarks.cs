using BenchmarkDotNet.Attributes;
using Runtime.ExecutionContexts.Tracing;

namespace Runtime.Benchmarks.Contexts;

/// <summary>
/// Trace recording throughput: one event per operation, on one thread and on two threads at once
/// (the collector is shared). Events/s = 1e9 / (ns per op). Target: ≥ 10 million events/s on one thread.
/// p99 latency comes from <see cref="TraceLatencyHarness"/>.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class TraceRecordingBenchmarks
{
    private const int Batch = 100_000;
    private TraceCollector _collector = null!;
    private TraceSubscription _first = null!;
    private TraceSubscription _second = null!;

    /// <summary>A collector of 1,024 events on the system clock, two writers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _collector = new TraceCollector(new TraceCollectorOptions { Capacity = TraceDefaults.Capacity });
        _first = _collector.Subscribe("acme/llama-7b-v1#1", "llama-7b-v1", "acme", "acme/llama-7b-v1#1");
        _second = _collector.Subscribe("globex/mistral-7b#2", "mistral-7b", "globex", "globex/mistral-7b#2");
    }

    /// <summary>One thread records <see cref="Batch"/> events.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public void OneThread() => Record(_first);

    /// <summary>Two threads record <see cref="Batch"/> events each, at once (ns per op is per event of either).</summary>
    [Benchmark(OperationsPerInvoke = 2 * Batch)]
    public void TwoThreads() => Parallel.Invoke(() => Record(_first), () => Record(_second));

    private static void Record(TraceSubscription writer)
    {
        for (var i = 0; i < Batch; i++)
        {
            writer.Record(TraceEventKind.Executed, i);
        }
    }
}
