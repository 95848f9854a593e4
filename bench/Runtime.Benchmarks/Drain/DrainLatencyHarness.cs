using System.Diagnostics;
using System.Globalization;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;

namespace Runtime.Benchmarks.Drain;

/// <summary>
/// Latency from the release of a draining pool's last lease to the drain's completion (its task observed
/// complete by an awaiting caller), each cycle timed with <see cref="Stopwatch.GetTimestamp"/>. Target: within 1 ms.
/// Run: <c>dotnet run -c Release --project bench/Runtime.Benchmarks -- drain-latency</c>.
/// </summary>
public static class DrainLatencyHarness
{
    /// <summary>Runs <paramref name="cycles"/> drains (after 200 warm-up cycles) and writes percentiles; returns 0.</summary>
    public static int Run(TextWriter output, int cycles = 2_000)
    {
        var registry = new PoolRegistry();
        var pool = Pools.BenchPools.Ready(registry, "gpu-0");
        using var drains = new DrainCoordinator(registry, new NoEngines());
        Measure(pool, drains, 200);
        var us = Measure(pool, drains, cycles);
        Array.Sort(us);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"drain completion after the last release (us, {cycles} cycles): p50={At(us, 0.50):F1} p90={At(us, 0.90):F1} p99={At(us, 0.99):F1} max={us[^1]:F1}"));
        return 0;
    }

    private static double[] Measure(Pool pool, DrainCoordinator drains, int cycles)
    {
        var us = new double[cycles];
        for (var i = 0; i < cycles; i++)
        {
            var lease = pool.Acquire();
            var drain = drains.DrainAsync(pool.Id, TimeSpan.FromMinutes(1), DrainMode.KeepEngine);
            var released = Stopwatch.GetTimestamp();
            lease.Release();
            drain.GetAwaiter().GetResult();
            us[i] = Stopwatch.GetElapsedTime(released).TotalMicroseconds; // the pool is Ready again by now
        }

        return us;
    }

    private static double At(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
