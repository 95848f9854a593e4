using System.Globalization;
using System.Net;
using FluentAssertions;
using Reqnroll;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>What an orchestrator reads from the manager: liveness, readiness and the Prometheus scrape.</summary>
[Binding]
public sealed class ManagerProbeSteps(ManagerApiClient api)
{
    [Then("the manager service is live and ready")]
    public Task LiveAndReady() => Probes(ready: true);

    [Then("the manager service is live but not ready")]
    public Task LiveNotReady() => Probes(ready: false);

    [Then("the metrics endpoint shows runtime_engine_crashes_total {int} for pool {word} and crash reason {word}")]
    public Task CrashCounter(int count, string pool, string reason) =>
        api.EventuallyAsync(
            () => api.SendAsync(HttpMethod.Get, "/metrics"),
            scrape => CounterValue(scrape.Body, "runtime_engine_crashes_total", $"pool=\"{pool}\"", $"crash_reason=\"{reason}\"") == count,
            $"the scrape to show runtime_engine_crashes_total {count} for pool {pool} and crash reason {reason}");

    private async Task Probes(bool ready)
    {
        await api.EventuallyAsync(() => api.SendAsync(HttpMethod.Get, "/readyz"),
            a => a.Status == (ready ? HttpStatusCode.OK : HttpStatusCode.ServiceUnavailable),
            ready ? "/readyz to answer 200" : "/readyz to answer 503");
        (await api.SendAsync(HttpMethod.Get, "/healthz")).Status.Should().Be(HttpStatusCode.OK, "the manager should be live");
    }

    /// <summary>The value of the Prometheus sample of <paramref name="name"/> whose labels include every one of <paramref name="labels"/>; null when none.</summary>
    private static double? CounterValue(string scrape, string name, params string[] labels) => scrape.Split('\n')
        .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(l => line.Contains(l, StringComparison.Ordinal)))
        .Select(line => (double?)double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture))
        .FirstOrDefault();
}
