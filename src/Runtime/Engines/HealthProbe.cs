namespace Runtime.Engines;

/// <summary>
/// One real HTTP GET /health over loopback, bounded by a timeout. The timeout bounds a real network
/// request, so it is measured on <c>requestClock</c> (default <see cref="TimeProvider.System"/>) even
/// when the probe schedule (<see cref="HealthMonitor"/>) runs on a manual clock. Thread-safe.
/// </summary>
public sealed class HealthProbe : IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _requestClock;

    /// <summary>Creates a probe with <paramref name="timeout"/> (default 2 s) per request.</summary>
    public HealthProbe(TimeSpan? timeout = null, TimeProvider? requestClock = null)
    {
        _timeout = timeout ?? EngineDefaults.ProbeTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_timeout, TimeSpan.Zero, nameof(timeout));
        _requestClock = requestClock ?? TimeProvider.System;
        _client = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.Zero })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <summary>Probes <paramref name="endpoint"/> + <c>/health</c>. Never throws for a failed probe.</summary>
    /// <exception cref="ArgumentException">When <paramref name="endpoint"/> is not a loopback address.</exception>
    public async Task<HealthProbeResult> ProbeAsync(Uri endpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.IsLoopback)
        {
            throw new ArgumentException($"health probes go to loopback only, not {endpoint}", nameof(endpoint));
        }

        using var timeout = new CancellationTokenSource(_timeout, _requestClock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, EngineDefaults.HealthPath));
        request.Headers.ConnectionClose = true;
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new HealthProbeResult(true, status, null)
                : new HealthProbeResult(false, status, $"HTTP {status}");
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new HealthProbeResult(false, null, $"timed out after {_timeout.TotalMilliseconds:0} ms");
        }
        catch (HttpRequestException e)
        {
            return new HealthProbeResult(false, null, e.Message);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();
}
