using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FluentAssertions;

namespace Steps.Drivers;

/// <summary>An answer of the manager's API: status, body, and the correlation id header.</summary>
public sealed record ManagerAnswer(HttpStatusCode Status, string Body, string? CorrelationId, string? ContentType)
{
    /// <summary>The body as JSON.</summary>
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// The operator's HTTP client of the manager service (loopback only, no proxy). Keeps the last answer for Then steps,
/// and waits for the API to show a state by asking again within <see cref="ManagerServiceDriver.Bound"/>.
/// </summary>
public sealed class ManagerApiClient(ManagerServiceDriver service) : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(25);
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = ManagerServiceDriver.Bound };
    private readonly Dictionary<string, long> _leases = new(StringComparer.Ordinal);

    /// <summary>The bearer token sent with every request, when set.</summary>
    public string? Token { get; set; }

    /// <summary>The last answer.</summary>
    public ManagerAnswer? Last { get; private set; }

    /// <summary>Sends a request and keeps its answer; <paramref name="json"/> is the body, when given.</summary>
    public async Task<ManagerAnswer> SendAsync(HttpMethod method, string path, string? json = null, bool withToken = true)
    {
        var address = service.BaseAddress ?? throw new InvalidOperationException("the manager service is not listening");
        using var request = new HttpRequestMessage(method, new Uri(address, path));
        if (withToken && Token is { } bearer)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var answer = new ManagerAnswer(response.StatusCode, await response.Content.ReadAsStringAsync(),
            response.Headers.TryGetValues("X-Correlation-Id", out var ids) ? ids.First() : null,
            response.Content.Headers.ContentType?.MediaType);
        Last = answer;
        return answer;
    }

    /// <summary>Pool <paramref name="pool"/> as <c>GET /pools/{id}</c> shows it now.</summary>
    public async Task<JsonElement> PoolAsync(string pool)
    {
        var answer = await SendAsync(HttpMethod.Get, $"/pools/{pool}");
        answer.Status.Should().Be(HttpStatusCode.OK, $"the API should show pool {pool}: {answer.Body}");
        var view = answer.Json;
        if (view.GetProperty("pid").ValueKind == JsonValueKind.Number)
        {
            service.SawEngine(view.GetProperty("pid").GetInt32());
        }

        return view;
    }

    /// <summary>Asks until <paramref name="shows"/> holds for the answer of <paramref name="ask"/>; returns that answer.</summary>
    public async Task<T> EventuallyAsync<T>(Func<Task<T>> ask, Func<T, bool> shows, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var answer = await ask();
            if (shows(answer))
            {
                return answer;
            }

            if (TimeProvider.System.GetElapsedTime(started) > ManagerServiceDriver.Bound)
            {
                throw new TimeoutException($"waited {ManagerServiceDriver.Bound.TotalSeconds} s for {what}; last answer: {answer}");
            }

            await Task.Delay(Interval);
        }
    }

    /// <summary>Takes a lease on <paramref name="pool"/> and remembers it.</summary>
    public async Task<ManagerAnswer> TakeLeaseAsync(string pool)
    {
        var answer = await SendAsync(HttpMethod.Post, $"/pools/{pool}/leases");
        if (answer.Status == HttpStatusCode.Created)
        {
            _leases[pool] = answer.Json.GetProperty("leaseId").GetInt64();
        }

        return answer;
    }

    /// <summary>Releases the lease taken on <paramref name="pool"/>.</summary>
    public Task<ManagerAnswer> ReleaseLeaseAsync(string pool) => SendAsync(HttpMethod.Delete, $"/pools/{pool}/leases/{_leases[pool]}");

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
