using System.Globalization;
using Runtime.Supervision.Reload;

namespace Runtime.Benchmarks.Reload;

/// <summary>
/// Requests through leases to a real engine (the engine stub) over loopback, from 32 client tasks, while the pool is
/// reloaded once in the middle of the run: once drain-first, then once as a surge (the new engine first), in one
/// process on one machine. For each: throughput, refused leases, and the latency of each request from its first lease
/// attempt to its answer (retries after a refused lease included), at p50, p95 and p99, over the whole run and over the
/// reload's window alone (its start to 100 ms after its end). Real time throughout (<see cref="TimeProvider.System"/>).
/// Targets: at least 1,000 requests/s, p99 at most 100 ms; with the surge, p99 at most 20 ms over the window, no refused
/// lease, and throughput no lower than drain-first's.
/// Run: <c>dotnet run -c Release --project bench/Runtime.Benchmarks -- reload-load</c>.
/// </summary>
public static class ReloadUnderLoadHarness
{
    /// <summary>Runs both measurements and writes a report; returns 0, or 1 when a request was lost, a reload failed or the surge refused a lease.</summary>
    public static int Run(TextWriter output, int clients = 32, int seconds = 6)
    {
        ArgumentNullException.ThrowIfNull(output);
        var drainFirst = ReloadLoadRun.Run(ReloadStrategy.DrainFirst, clients, seconds);
        var surge = ReloadLoadRun.Run(ReloadStrategy.Surge, clients, seconds);
        Report(output, "drain-first", drainFirst, clients);
        Report(output, "surge", surge, clients);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"surge against drain-first: window p99 {At(surge.WindowLatencies, 0.99):F2} ms vs {At(drainFirst.WindowLatencies, 0.99):F2} ms; "
            + $"refused {surge.Refused} vs {drainFirst.Refused}; throughput {surge.Latencies.Length / surge.Seconds:F0}/s vs {drainFirst.Latencies.Length / drainFirst.Seconds:F0}/s"));
        var ok = new[] { drainFirst, surge }.All(r => r.Lost == 0 && r.Reload.Status == ReloadStatus.Reloaded)
            && surge.Reload.Strategy == ReloadStrategy.Surge && surge.Refused == 0;
        return ok ? 0 : 1;
    }

    private static void Report(TextWriter output, string name, ReloadLoadResult r, int clients)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: reload {r.Reload.Status} ({ReloadStrategyNames.GetName(r.Reload.Strategy)}) in {r.ReloadMs:F0} ms; {clients} clients, {r.Seconds:F1} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  served {r.Latencies.Length} requests, lost {r.Lost}, leases refused {r.Refused}: {r.Latencies.Length / r.Seconds:F0} requests/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  latency, whole run (ms): p50={At(r.Latencies, 0.50):F2} p95={At(r.Latencies, 0.95):F2} p99={At(r.Latencies, 0.99):F2} max={At(r.Latencies, 1):F2}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  latency, reload window (ms, {r.WindowLatencies.Length} requests in {r.WindowSeconds * 1000:F0} ms, {r.WindowLatencies.Length / r.WindowSeconds:F0} requests/s): "
            + $"p50={At(r.WindowLatencies, 0.50):F2} p95={At(r.WindowLatencies, 0.95):F2} p99={At(r.WindowLatencies, 0.99):F2} max={At(r.WindowLatencies, 1):F2}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  of which answered once the new version serves (ms, {r.AfterSwitchLatencies.Length} requests): p50={At(r.AfterSwitchLatencies, 0.50):F2} p99={At(r.AfterSwitchLatencies, 0.99):F2} max={At(r.AfterSwitchLatencies, 1):F2}"));
    }

    private static double At(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
