namespace Runtime.Supervision.Engines;

/// <summary>
/// One real HTTP GET /health over loopback, bounded by a timeout. The timeout bounds a real network
/// request, so it is measured on the request clock of the endpoint (default <see cref="TimeProvider.System"/>)
/// even when the probe schedule (<see cref="HealthMonitor"/>) runs on a manual clock. Thread-safe.
/// </summary>
public sealed class HealthProbe : IDisposable
{
    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;
    private readonly Func<Uri, TimeProvider> _requestClock;

    /// <summary>Creates a probe with <paramref name="timeout"/> (default 2 s) per request, measured on <paramref name="requestClock"/>.</summary>
    public HealthProbe(TimeSpan? timeout = null, TimeProvider? requestClock = null)
        : this(timeout, requestClock is { } clock ? _ => clock : null)
    {
    }

    /// <summary>
    /// Creates a probe with <paramref name="timeout"/> (default 2 s) per request, measured on the clock
    /// <paramref name="requestClockOf"/> gives for the endpoint probed (see <see cref="HealthProbeOptions.RequestClock"/>).
    /// </summary>
    public HealthProbe(TimeSpan? timeout, Func<Uri, TimeProvider>? requestClockOf)
    {
        _timeout = timeout ?? EngineDefaults.ProbeTimeout;
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_timeout, TimeSpan.Zero, nameof(timeout));
        _requestClock = requestClockOf ?? (_ => TimeProvider.System);
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

        using var timeout = new CancellationTokenSource(_timeout, _requestClock(endpoint));
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
