using System.Diagnostics;
using System.Globalization;
using Runtime.ExecutionContexts.Tracing;

namespace Runtime.Benchmarks.Contexts;

/// <summary>
/// A small custom harness for what BenchmarkDotNet does not report: the p99 latency of one trace
/// <c>Record</c> call (each call timed with <see cref="Stopwatch.GetTimestamp"/>, timer overhead included,
/// so the figures are upper bounds) and the aggregate events/s of one and of two threads.
/// Run it with <c>dotnet run -c Release --project bench/Runtime.Benchmarks -- trace-latency</c> once
/// Program.cs routes that argument here (<see cref="Run"/>).
/// </summary>
public static class TraceLatencyHarness
{
    /// <summary>Runs the measurements and writes a report to <paramref name="output"/>; returns 0.</summary>
    public static int Run(TextWriter output)
    {
        var collector = new TraceCollector();
        var writer = collector.Subscribe("acme/llama-7b-v1#1", "llama-7b-v1", "acme", "acme/llama-7b-v1#1");
        var other = collector.Subscribe("globex/mistral-7b#2", "mistral-7b", "globex", "globex/mistral-7b#2");

        Throughput(writer, 2_000_000); // warm-up
        var timer = TimerOverhead(1_000_000);
        var latencies = Latencies(writer, 2_000_000);
        var one = Enumerable.Range(0, 40).Select(_ => Throughput(writer, 250_000)).Order().ToArray();
        var two = Enumerable.Range(0, 10).Select(_ => TwoThreadThroughput(writer, other, 1_000_000)).Order().ToArray();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"timer overhead (two GetTimestamp calls, ns): p50={Percentile(timer, 0.50):F0} p99={Percentile(timer, 0.99):F0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trace record latency (ns, per call, incl. timer): p50={Percentile(latencies, 0.50):F0} p99={Percentile(latencies, 0.99):F0} p99.9={Percentile(latencies, 0.999):F0} max={latencies[^1]:F0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"one thread (40 batches of 250k): median {one[one.Length / 2] / 1e6:F1}, best {one[^1] / 1e6:F1} million events/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"two threads at once (10 x 2 x 1M): median {two[two.Length / 2] / 1e6:F1}, best {two[^1] / 1e6:F1} million events/s in total"));
        var (total, perThread) = ManyThreads(64, 200_000);
        var manyLatencies = ManyThreadLatencies(64, 100_000);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"64 threads at once (64 x 200k, untimed): {total / 1e6:F1} million events/s in total, per thread median {perThread[perThread.Length / 2] / 1e6:F2}, slowest {perThread[0] / 1e6:F2} million events/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"64 threads at once, record latency (ns, per call, incl. timer): p50={Percentile(manyLatencies, 0.50):F0} p99={Percentile(manyLatencies, 0.99):F0} p99.9={Percentile(manyLatencies, 0.999):F0}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recorded={collector.Recorded} dropped={collector.Dropped} retained={collector.Retained}"));
        return 0;
    }

    /// <summary>Per-call latencies in ns, sorted ascending.</summary>
    public static double[] Latencies(TraceSubscription writer, int events)
    {
        var ns = new double[events];
        var toNs = 1e9 / Stopwatch.Frequency;
        for (var i = 0; i < events; i++)
        {
            var start = Stopwatch.GetTimestamp();
            writer.Record(TraceEventKind.Executed, i);
            ns[i] = (Stopwatch.GetTimestamp() - start) * toNs;
        }

        Array.Sort(ns);
        return ns;
    }

    /// <summary>The cost of timing an empty call, in ns, sorted ascending.</summary>
    public static double[] TimerOverhead(int samples)
    {
        var ns = new double[samples];
        var toNs = 1e9 / Stopwatch.Frequency;
        for (var i = 0; i < samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            ns[i] = (Stopwatch.GetTimestamp() - start) * toNs;
        }

        Array.Sort(ns);
        return ns;
    }

    /// <summary>Events per second recording <paramref name="events"/> on the calling thread.</summary>
    public static double Throughput(TraceSubscription writer, int events)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < events; i++)
        {
            writer.Record(TraceEventKind.Executed, i);
        }

        return events / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>Aggregate events per second with two threads recording <paramref name="eventsEach"/> each at once.</summary>
    public static double TwoThreadThroughput(TraceSubscription first, TraceSubscription second, int eventsEach)
    {
        using var gate = new Barrier(3);
        var threads = new[] { first, second }.Select(w => new Thread(() =>
        {
            gate.SignalAndWait();
            for (var i = 0; i < eventsEach; i++)
            {
                w.Record(TraceEventKind.Executed, i);
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        gate.SignalAndWait();
        var start = Stopwatch.GetTimestamp();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        return 2.0 * eventsEach / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>
    /// <paramref name="threads"/> threads, each with a subscription of its own, record <paramref name="eventsEach"/> events at
    /// once into a fresh collector: aggregate events/s, and each thread's own events/s (sorted ascending).
    /// </summary>
    public static (double Total, double[] PerThread) ManyThreads(int threads, int eventsEach)
    {
        var collector = new TraceCollector(new TraceCollectorOptions { Capacity = 1 << 16 });
        var perThread = new double[threads];
        var elapsed = RunAtOnce(collector, threads, (t, writer) =>
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < eventsEach; i++)
            {
                writer.Record(TraceEventKind.Executed, i);
            }

            perThread[t] = eventsEach / Stopwatch.GetElapsedTime(start).TotalSeconds;
        });
        Array.Sort(perThread);
        return ((double)threads * eventsEach / elapsed.TotalSeconds, perThread);
    }

    /// <summary>Per-call latencies in ns of <paramref name="threads"/> threads recording at once, all merged and sorted.</summary>
    public static double[] ManyThreadLatencies(int threads, int eventsEach)
    {
        var collector = new TraceCollector(new TraceCollectorOptions { Capacity = 1 << 16 });
        var ns = new double[threads][];
        var toNs = 1e9 / Stopwatch.Frequency;
        RunAtOnce(collector, threads, (t, writer) =>
        {
            var mine = ns[t] = new double[eventsEach];
            for (var i = 0; i < eventsEach; i++)
            {
                var start = Stopwatch.GetTimestamp();
                writer.Record(TraceEventKind.Executed, i);
                mine[i] = (Stopwatch.GetTimestamp() - start) * toNs;
            }
        });
        var all = ns.SelectMany(x => x).ToArray();
        Array.Sort(all);
        return all;
    }

    private static TimeSpan RunAtOnce(TraceCollector collector, int threads, Action<int, TraceSubscription> body)
    {
        using var gate = new Barrier(threads + 1);
        var workers = Enumerable.Range(0, threads).Select(t =>
        {
            var writer = collector.Subscribe($"writer-{t}", "llama-7b-v1", "acme", $"writer-{t}");
            return new Thread(() =>
            {
                gate.SignalAndWait();
                body(t, writer);
            });
        }).ToArray();
        foreach (var worker in workers)
        {
            worker.Start();
        }

        gate.SignalAndWait();
        var start = Stopwatch.GetTimestamp();
        foreach (var worker in workers)
        {
            worker.Join();
        }

        return Stopwatch.GetElapsedTime(start);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
