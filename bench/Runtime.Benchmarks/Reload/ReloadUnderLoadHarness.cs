using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Runtime.Drain;
using Runtime.Engines;
using Runtime.Pools;
using Runtime.Reload;
using Runtime.Supervision;

namespace Runtime.Benchmarks.Reload;

/// <summary>
/// Requests through leases to a real engine (the engine stub) over loopback, from 32 client tasks, while the pool is
/// reloaded once in the middle of the run: throughput, and the latency of each request from the first lease attempt
/// to its answer (retries after a refused lease included), at p50, p95 and p99, over the whole run and over the
/// reload's window alone. Real time throughout (<see cref="TimeProvider.System"/>).
/// Targets: at least 1,000 requests/s, p99 at most 100 ms.
/// Run: <c>dotnet run -c Release --project bench/Runtime.Benchmarks -- reload-load</c>.
/// </summary>
public static class ReloadUnderLoadHarness
{
    /// <summary>Runs the measurement and writes a report; returns 0, or 1 when a request was lost.</summary>
    public static int Run(TextWriter output, int clients = 32, int seconds = 6)
    {
        var stub = Path.Combine(AppContext.BaseDirectory, "engine-stub.dll");
        var dotnet = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        EngineSpec Spec(string version) => new(dotnet, [stub, "--exit-on-stdin-eof", "--model", "{model}", "--engine-version", "{engine_version}"], "llama-7b-v1", version);

        var registry = new PoolRegistry();
        using var launcher = new EngineLauncher();
        using var supervisor = new Supervisor(registry, launcher, new SupervisorOptions { Health = new HealthProbeOptions { Interval = TimeSpan.FromMilliseconds(200) } });
        using var drains = new DrainCoordinator(registry, supervisor);
        using var reloads = new ReloadCoordinator(registry, supervisor, drains);
        registry.Register("gpu-0", Spec("1.0"));
        var start = supervisor.StartAsync("gpu-0").GetAwaiter().GetResult();
        if (!start.Ready)
        {
            throw new InvalidOperationException($"the engine did not start: {start.Error}");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var samples = new ConcurrentQueue<(long At, double Ms, bool Lost)>();
        using var stop = new CancellationTokenSource();
        var origin = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, clients).Select(_ => Task.Run(() => ClientAsync(registry, http, samples, stop.Token))).ToArray();

        Thread.Sleep(TimeSpan.FromSeconds(seconds / 2.0)); // a benchmark's wall clock: the load runs meanwhile
        var reloadStart = Stopwatch.GetTimestamp();
        var result = reloads.ReloadAsync("gpu-0", Spec("2.0"), TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
        var reloadEnd = Stopwatch.GetTimestamp();
        Thread.Sleep(TimeSpan.FromSeconds(seconds / 2.0));
        stop.Cancel();
        Task.WaitAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(origin).TotalSeconds;

        var all = samples.ToArray();
        var served = all.Where(s => !s.Lost).Select(s => s.Ms).Order().ToArray();
        var during = all.Where(s => !s.Lost && s.At >= reloadStart && s.At <= reloadEnd + Stopwatch.Frequency / 10).Select(s => s.Ms).Order().ToArray();
        var lost = all.Count(s => s.Lost);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reload: {result.Status} in {Stopwatch.GetElapsedTime(reloadStart, reloadEnd).TotalMilliseconds:F0} ms; {clients} clients, {elapsed:F1} s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"served {served.Length} requests, lost {lost}: {served.Length / elapsed:F0} requests/s"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency, whole run (ms): p50={At(served, 0.50):F2} p95={At(served, 0.95):F2} p99={At(served, 0.99):F2} max={served[^1]:F2}"));
        if (during.Length > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"latency, answered during the reload (ms, {during.Length} requests): p50={At(during, 0.50):F2} p95={At(during, 0.95):F2} p99={At(during, 0.99):F2} max={during[^1]:F2}"));
        }

        return lost == 0 && result.Status == ReloadStatus.Reloaded ? 0 : 1;
    }

    private static async Task ClientAsync(PoolRegistry registry, HttpClient http, ConcurrentQueue<(long, double, bool)> samples, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var first = Stopwatch.GetTimestamp();
            Lease lease;
            while (registry.TryAcquire("gpu-0", out lease) != LeaseRefusal.None)
            {
                // Refused while the pool drains or reloads: a real client retries shortly.
                await Task.Delay(1, CancellationToken.None);
            }

            var lost = false;
            try
            {
                var endpoint = registry.Get("gpu-0").Snapshot().Endpoint!;
                using var response = await http.GetAsync(new Uri(endpoint, "/generate"), CancellationToken.None);
                lost = !response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                lost = true;
            }
            finally
            {
                lease.Release();
            }

            var done = Stopwatch.GetTimestamp();
            samples.Enqueue((done, Stopwatch.GetElapsedTime(first, done).TotalMilliseconds, lost));
        }
    }

    private static double At(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
