using System.Text.Json;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;

namespace Steps.Drivers;

/// <summary>
/// Surge reloads of the scenario, and a client that asks for a lease at every step of one: at every log event and pool
/// change it asks, notes what came of it and on which engine, and gives the lease back at once. Requests go to the
/// engine a lease names (<see cref="Lease.Endpoint"/>), over loopback.
/// </summary>
public sealed class SurgeDriver(PoolDriver pools, ReloadDriver reloads, EngineProcessDriver processes) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly HttpClient _http = new() { Timeout = PoolDriver.Bound };
    private readonly List<ProbedLease> _probed = [];
    private string? _pool;
    private Uri? _oldEndpoint;

    /// <summary>The endpoint of the engine that served the probed pool when the probe began.</summary>
    public Uri? OldEndpoint => _oldEndpoint;

    /// <summary>Every lease the probe asked for, in order.</summary>
    public IReadOnlyList<ProbedLease> Probed
    {
        get
        {
            lock (_probed)
            {
                return _probed.ToList();
            }
        }
    }

    /// <summary>True once the reload has switched new leases to the new engine (its <c>ReloadSwitched</c> event).</summary>
    public bool Switched => pools.Logger.WithEvent("ReloadSwitched").Count > 0;

    /// <summary>Starts a surge reload of pool <paramref name="pool"/> to <paramref name="model"/>; returns once it has switched or ended.</summary>
    public async Task StartAsync(string pool, string model, TimeSpan? deadline = null)
    {
        await AttemptAsync(pool, model, deadline);
        await pools.WaitUntil(() => reloads.Reload!.IsCompleted || Switched, $"the surge reload of pool {pool} to switch to {model}");
    }

    /// <summary>Starts a surge reload of pool <paramref name="pool"/> to <paramref name="model"/>; returns once its new engine runs, or it ended.</summary>
    public Task AttemptAsync(string pool, string model, TimeSpan? deadline = null) =>
        // A pool the manager does not know has no engine version: the one pools start with stands in (the reload is refused).
        reloads.StartReloadAsync(pool, pools.SpecFor(model, pools.Registry.TryGet(pool, out var known) ? known.Spec.EngineVersion : "1.0"), deadline ?? Deadline, ReloadStrategy.Surge);

    /// <summary>The argument the last <see cref="AttemptWithinAsync"/> was refused for at once; null when the reload ran.</summary>
    public string? RefusedArgument { get; private set; }

    /// <summary>
    /// Surge-reloads pool <paramref name="pool"/> to <paramref name="model"/> within <paramref name="deadline"/> and waits
    /// for its end; an argument out of range is refused by the call itself, before anything starts (<see cref="RefusedArgument"/>).
    /// </summary>
    public async Task AttemptWithinAsync(string pool, string model, TimeSpan deadline)
    {
        try
        {
            await AttemptAsync(pool, model, deadline);
            await reloads.ReloadResultAsync();
            RefusedArgument = null;
        }
        catch (ArgumentOutOfRangeException e)
        {
            RefusedArgument = e.ParamName;
        }
    }

    /// <summary>Tells the engine the surge of pool <paramref name="pool"/> started last to answer its health check from now on.</summary>
    public async Task TellNewEngineHealthyAsync(string pool)
    {
        var old = pools.ServedEngine(pool).Pid;
        var candidate = processes.Started.LastOrDefault(s => s.Process.Pid != old).Process;
        if (candidate is null || !candidate.WriteLine("healthy"))
        {
            throw new InvalidOperationException($"pool {pool} has no new engine running to tell");
        }

        await pools.WaitUntil(() => pools.Saw(pool, "healthy"), $"the new engine of pool {pool} to answer its health check");
    }

    /// <summary>Kills pool <paramref name="pool"/>'s new engine (SIGKILL) after the switch, while the old one still runs.</summary>
    public void CrashNewEngine(string pool)
    {
        var serving = pools.Pool(pool).Snapshot().Pid ?? throw new InvalidOperationException($"pool {pool} has no engine");
        if (serving == pools.ServedEngine(pool).Pid || !SignalSender.Send(serving, Signals.SIGKILL))
        {
            throw new InvalidOperationException($"pool {pool} serves no new engine to kill (pid {serving})");
        }
    }

    /// <summary>From now on a client asks pool <paramref name="pool"/> for a lease at every log event and pool change.</summary>
    public void ProbeLeases(string pool)
    {
        _pool = pool;
        _oldEndpoint = pools.Pool(pool).Snapshot().Endpoint;
        pools.Logger.Logged += Probe;
        pools.Registry.PoolChanged += (_, _) => Probe();
    }

    /// <summary>The model that answers a request sent through <paramref name="lease"/>.</summary>
    public async Task<string?> ModelAnsweringAsync(Lease lease)
    {
        using var response = await _http.GetAsync(new Uri(lease.Endpoint!, "/generate"));
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("model").GetString()
            : $"HTTP {(int)response.StatusCode}";
    }

    /// <inheritdoc />
    public void Dispose()
    {
        pools.Logger.Logged -= Probe;
        _pool = null;
        _http.Dispose();
    }

    private void Probe()
    {
        if (_pool is not { } pool)
        {
            return;
        }

        // Read before the lease is asked for: a lease asked for once the switch is logged must go to the new engine.
        var switched = Switched;
        var refusal = pools.Registry.TryAcquire(pool, out var lease);
        var endpoint = lease.Endpoint;
        lease.Release();
        lock (_probed)
        {
            _probed.Add(new ProbedLease(switched, refusal, endpoint));
        }
    }
}

/// <summary>A lease the probe asked for: whether the switch had been logged before, how it was answered, on which engine.</summary>
public sealed record ProbedLease(bool AfterSwitch, LeaseRefusal Refusal, Uri? Endpoint);
