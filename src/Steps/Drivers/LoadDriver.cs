using System.Collections.Concurrent;
using System.Text.Json;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;

namespace Steps.Drivers;

/// <summary>
/// Clients sending requests to a pool's real engine over loopback, each through a lease: acquire, GET /generate
/// on the pool's endpoint, release. A refused lease is retried once the pool changes (no sleeping). Every attempt
/// is recorded with what came of it, and whether the reload had completed before its lease was asked for.
/// </summary>
public sealed class LoadDriver(PoolDriver pools, ReloadDriver reloads) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = PoolDriver.Bound };
    private readonly ConcurrentQueue<ClientAttempt> _attempts = new();
    private readonly CancellationTokenSource _stop = new();
    private Task[] _clients = [];
    private volatile bool _reloading;
    private volatile bool _reloaded;

    /// <summary>Every attempt of every client, in no particular order.</summary>
    public IReadOnlyCollection<ClientAttempt> Attempts => _attempts;

    /// <summary>Starts <paramref name="clients"/> clients sending to pool <paramref name="pool"/> until stopped.</summary>
    public void Start(int clients, string pool) =>
        _clients = Enumerable.Range(0, clients).Select(c => Task.Run(() => SendAsync(c, pool))).ToArray();

    /// <summary>Waits until every client has been served at least <paramref name="times"/> times.</summary>
    public Task ServedAsync(int times) =>
        pools.WaitUntil(() => ServedPerClient(afterReload: false).All(n => n >= times), $"every client to be served {times} times");

    /// <summary>
    /// Reloads the pool with <paramref name="version"/> (by <paramref name="strategy"/>) while the clients send; then lets every client be served
    /// <paramref name="after"/> more times and stops them.
    /// </summary>
    public async Task ReloadWhileSendingAsync(string pool, string version, int after, ReloadStrategy strategy = ReloadStrategy.DrainFirst)
    {
        _reloading = true;
        await reloads.StartReloadAsync(pool, pools.SpecFor(pools.Pool(pool).Spec.Model, version), TimeSpan.FromSeconds(30), strategy);
        await reloads.ReloadResultAsync();
        _reloaded = true;
        await pools.WaitUntil(() => ServedPerClient(afterReload: true).All(n => n >= after), $"every client to be served {after} times after the reload");
        await _stop.CancelAsync();
        await Task.WhenAll(_clients).WaitAsync(PoolDriver.Bound);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _http.Dispose();
        _stop.Dispose();
    }

    private int[] ServedPerClient(bool afterReload) =>
        Enumerable.Range(0, _clients.Length)
            .Select(c => _attempts.Count(a => a.Client == c && a.Served && a.AfterReload == afterReload))
            .ToArray();

    private async Task SendAsync(int client, string pool)
    {
        while (!_stop.IsCancellationRequested)
        {
            var afterReload = _reloaded;
            var refusal = pools.Registry.TryAcquire(pool, out var lease);
            if (refusal != LeaseRefusal.None)
            {
                // Within the reload: it had begun when the refusal came back, and had not ended before the attempt.
                _attempts.Enqueue(new ClientAttempt(client, afterReload, refusal, null, null) { DuringReload = _reloading && !afterReload });
                await WhenServingOrStopped(pool);
                continue;
            }

            try
            {
                // The engine the lease was granted on: during a surge, the old one for a lease granted before the switch.
                var endpoint = lease.Endpoint!;
                using var response = await _http.GetAsync(new Uri(endpoint, "/generate"));
                var version = response.IsSuccessStatusCode
                    ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("engine_version").GetString()
                    : null;
                _attempts.Enqueue(new ClientAttempt(client, afterReload, LeaseRefusal.None, version, response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}"));
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                _attempts.Enqueue(new ClientAttempt(client, afterReload, LeaseRefusal.None, null, e.Message));
            }
            finally
            {
                lease.Release();
                pools.Pulse();
            }
        }
    }

    private async Task WhenServingOrStopped(string pool)
    {
        try
        {
            await pools.WaitUntil(() => pools.Pool(pool).Snapshot().Ready, $"pool {pool} to serve again").WaitAsync(_stop.Token);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // Stopped, or gave up waiting: the scenario's own bound reports what went wrong.
        }
    }
}

/// <summary>One attempt of a client: refused at the lease, served by a version, or lost with an error.</summary>
public sealed record ClientAttempt(int Client, bool AfterReload, LeaseRefusal Refusal, string? Version, string? Error)
{
    /// <summary>True when the attempt fell between the start of the reload and its end.</summary>
    public bool DuringReload { get; init; }

    /// <summary>True when the engine answered.</summary>
    public bool Served => Version is not null;

    /// <summary>True when a lease was granted but the request was not served: a lost request.</summary>
    public bool Lost => Refusal == LeaseRefusal.None && !Served;
}
