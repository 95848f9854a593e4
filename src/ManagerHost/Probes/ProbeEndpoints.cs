using ManagerHost.Api;
using ManagerHost.Configuration;
using ManagerHost.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Runtime.Supervision.Pools;

namespace ManagerHost.Probes;

/// <summary>
/// Probes for an orchestrator: <c>/healthz</c> is live (200) while the manager runs and 503 once it stops;
/// <c>/readyz</c> is ready (200) when at least one pool is ready, or every pool with <see cref="ReadinessRule.AllPools"/>,
/// and 503 otherwise and from the moment a stop begins. Both answer the pool states.
/// </summary>
internal static class ProbeEndpoints
{
    public static void MapProbes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", (ManagerService service) =>
            TypedResults.Json(new LiveView(service.Running), ManagerJson.Default.LiveView, statusCode: service.Running ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/readyz", (ManagerService service, ManagerRuntime m) =>
        {
            var configured = m.Registry.Pools.Where(p => m.Options.Pools.ContainsKey(p.Id)).Select(p => p.Snapshot()).ToList();
            var ready = service.Running && (m.Options.Readiness == ReadinessRule.AllPools
                ? configured.Count > 0 && configured.All(p => p.Ready)
                : configured.Any(p => p.Ready));
            return TypedResults.Json(
                new ReadyView(ready, configured.ToDictionary(p => p.Id, p => p.State.ToString())), ManagerJson.Default.ReadyView,
                statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
    }
}
