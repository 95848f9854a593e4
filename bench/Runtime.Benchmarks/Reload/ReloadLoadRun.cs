using System.Collections.Concurrent;
using System.Diagnostics;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Supervision;

namespace Runtime.Benchmarks.Reload;

/// <summary>What one run of <see cref="ReloadLoadRun"/> measured.</summary>
/// <param name="Strategy">The reload strategy asked for.</param>
/// <param name="Reload">How the reload ended.</param>
/// <param name="ReloadMs">The reload's duration, wall clock.</param>
/// <param name="Seconds">The run's duration.</param>
/// <param name="Latencies">Latencies of the requests served, sorted (ms).</param>
/// <param name="WindowLatencies">Latencies of the requests answered in the reload's window (its start to 100 ms after its end), sorted (ms).</param>
/// <param name="WindowSeconds">The window's duration.</param>
/// <param name="Lost">Requests that held a lease and were not served.</param>
/// <param name="Refused">Lease attempts refused (each retried after 1 ms).</param>
/// <param name="AfterSwitchLatencies">Of the window's latencies, those of requests answered once the pool served the new version, sorted (ms).</param>
internal sealed record ReloadLoadResult(
    ReloadStrategy Strategy, ReloadResult Reload, double ReloadMs, double Seconds, double[] Latencies, double[] WindowLatencies, double WindowSeconds, int Lost, int Refused,
    double[] AfterSwitchLatencies);

/// <summary>
/// One run: 32 clients send requests through leases to a real engine stub over loopback (a new connection per request,
/// to the engine the lease names), and the pool is reloaded half-way through by the strategy given. Real time throughout.
/// </summary>
internal static class ReloadLoadRun
{
    public static ReloadLoadResult Run(ReloadStrategy strategy, int clients, int seconds)
    {
        var stub = Path.Combine(AppContext.BaseDirectory, "engine-stub.dll");
        var dotnet = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", "dotnet"));
        EngineSpec Spec(string version) =>
            new(dotnet, [stub, "--exit-on-stdin-eof", "--model", "{model}", "--engine-version", "{engine_version}"], "llama-7b-v1", version) { MemoryMiB = 8000 };

        var registry = new PoolRegistry();
        using var launcher = new EngineLauncher();
        using var supervisor = new Supervisor(registry, launcher, new SupervisorOptions { Health = new HealthProbeOptions { Interval = TimeSpan.FromMilliseconds(200) } });
        using var drains = new DrainCoordinator(registry, supervisor);
        using var reloads = new ReloadCoordinator(registry, supervisor, drains);
        var switchedAt = long.MaxValue;
        registry.PoolChanged += (_, s) =>
        {
            if (s.Spec.EngineVersion == "2.0" && s.Ready)
            {
                Interlocked.CompareExchange(ref switchedAt, Stopwatch.GetTimestamp(), long.MaxValue);
            }
        };
        registry.Register("gpu-0", Spec("1.0"), deviceMemoryMiB: 24000);
        var start = supervisor.StartAsync("gpu-0").GetAwaiter().GetResult();
        if (!start.Ready)
        {
            throw new InvalidOperationException($"the engine did not start: {start.Error}");
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var samples = new ConcurrentQueue<(long At, double Ms, bool Lost)>();
        var refused = new StrongBox();
        using var stop = new CancellationTokenSource();
        var origin = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, clients).Select(_ => Task.Run(() => ClientAsync(registry, http, samples, refused, stop.Token))).ToArray();

        Thread.Sleep(TimeSpan.FromSeconds(seconds / 2.0)); // a benchmark's wall clock: the load runs meanwhile
        var reloadStart = Stopwatch.GetTimestamp();
        var result = reloads.ReloadAsync("gpu-0", Spec("2.0"), TimeSpan.FromSeconds(30), strategy: strategy).GetAwaiter().GetResult();
        var reloadEnd = Stopwatch.GetTimestamp();
        Thread.Sleep(TimeSpan.FromSeconds(seconds / 2.0));
        stop.Cancel();
        Task.WaitAll(tasks);
        var elapsed = Stopwatch.GetElapsedTime(origin).TotalSeconds;

        var all = samples.ToArray();
        var windowEnd = reloadEnd + Stopwatch.Frequency / 10;
        return new ReloadLoadResult(
            strategy,
            result,
            Stopwatch.GetElapsedTime(reloadStart, reloadEnd).TotalMilliseconds,
            elapsed,
            all.Where(s => !s.Lost).Select(s => s.Ms).Order().ToArray(),
            all.Where(s => !s.Lost && s.At >= reloadStart && s.At <= windowEnd).Select(s => s.Ms).Order().ToArray(),
            Stopwatch.GetElapsedTime(reloadStart, windowEnd).TotalSeconds,
            all.Count(s => s.Lost),
            refused.Value,
            all.Where(s => !s.Lost && s.At >= Interlocked.Read(ref switchedAt) && s.At <= windowEnd).Select(s => s.Ms).Order().ToArray());
    }

    private static async Task ClientAsync(PoolRegistry registry, HttpClient http, ConcurrentQueue<(long, double, bool)> samples, StrongBox refused, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var first = Stopwatch.GetTimestamp();
            Lease lease;
            while (registry.TryAcquire("gpu-0", out lease) != LeaseRefusal.None)
            {
                // Refused while the pool drains or reloads: a real client retries shortly.
                Interlocked.Increment(ref refused.Value);
                await Task.Delay(1, CancellationToken.None);
            }

            var lost = false;
            try
            {
                using var response = await http.GetAsync(new Uri(lease.Endpoint!, "/generate"), CancellationToken.None);
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

    /// <summary>A counter the clients share.</summary>
    private sealed class StrongBox
    {
        public int Value;
    }
}
