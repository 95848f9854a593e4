using System.Diagnostics;
using System.Globalization;
using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;

namespace Runtime.Benchmarks.Contexts;

/// <summary>
/// A companion to <see cref="ContextExecuteBenchmarks"/> for busy machines: times batches of executes
/// around a no-op backend (median and best batch, ns per execute), times single executes (p50/p99 per
/// call minus the p50 cost of the timer itself, which preemption on a loaded machine barely moves) and
/// reports the bytes allocated per execute. Run with the argument <c>execute-overhead</c> once Program.cs routes it to <see cref="Run"/>.
/// </summary>
public static class ExecuteOverheadHarness
{
    private const int Batch = 200_000;
    private const int Batches = 30;

    /// <summary>Runs the measurements and writes a report to <paramref name="output"/>; returns 0.</summary>
    public static int Run(TextWriter output)
    {
        Report(output, "execute, traced", new ContextFactoryOptions());
        Report(output, "execute, untraced", new ContextFactoryOptions { TraceExecutions = false });
        return 0;
    }

    private static void Report(TextWriter output, string label, ContextFactoryOptions options)
    {
        using var factory = new ContextFactory(options);
        var context = factory.Create("llama-7b-v1", "acme", new BudgetLimits(ByteSize.GiB), NoOpBackend.Instance).Context!;
        var request = new ModelRequest("ping", 1024);
        Measure(context, request); // warm-up
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var batches = Enumerable.Range(0, Batches).Select(_ => Measure(context, request)).Order().ToArray();
        var perCall = (GC.GetAllocatedBytesForCurrentThread() - allocated - (Batches * 64)) / (double)(Batches * Batch);
        var timer = TraceLatencyHarness.TimerOverhead(1_000_000);
        var calls = Latencies(context, request, 2_000_000);
        var timerP50 = timer[timer.Length / 2];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: batches median {batches[Batches / 2]:F1} ns, best {batches[0]:F1} ns per call; single calls p50 {calls[calls.Length / 2] - timerP50:F0} ns, p99 {calls[(int)(calls.Length * 0.99)] - timerP50:F0} ns (timer {timerP50:F0} ns subtracted); {Math.Max(0, perCall):F2} B allocated per call"));
    }

    private static double[] Latencies(ModelContext context, ModelRequest request, int calls)
    {
        var ns = new double[calls];
        var toNs = 1e9 / Stopwatch.Frequency;
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            _ = context.ExecuteAsync(request, "acme");
            ns[i] = (Stopwatch.GetTimestamp() - start) * toNs;
        }

        Array.Sort(ns);
        return ns;
    }

    private static double Measure(ModelContext context, ModelRequest request)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < Batch; i++)
        {
            var pending = context.ExecuteAsync(request, "acme");
            if (!pending.IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("the no-op path must complete synchronously");
            }
        }

        return Stopwatch.GetElapsedTime(start).TotalNanoseconds / Batch;
    }
}
