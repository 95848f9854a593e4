using ManagerHost.Service;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Supervision;
using Runtime.Common;

namespace ManagerHost.Api;

/// <summary>
/// The operator API under <c>/pools</c>. Every action takes its correlation id from the <c>X-Correlation-Id</c> header
/// (a new one when absent), logs it, and returns it in the body and the header. Errors are problem details with the
/// runtime's message: 404 for an unknown pool, 409 for a transition the pool refuses.
/// </summary>
internal static class PoolEndpoints
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public static void MapPools(this IEndpointRouteBuilder app)
    {
        var pools = app.MapGroup("/pools");
        pools.MapGet("/", (ManagerRuntime m) => TypedResults.Ok(List(m)));
        pools.MapGet("/{id}", Get);
        pools.MapPost("/{id}/drain", DrainAsync);
        pools.MapPost("/{id}/reload", ReloadAsync);
        pools.MapPost("/{id}/circuit/reset", ResetCircuit);
        pools.MapPost("/{id}/restart", AllowOneRestart);
        pools.MapPost("/{id}/leases", TakeLease);
        pools.MapDelete("/{id}/leases/{leaseId:long}", ReleaseLease);
    }

    private static IReadOnlyList<PoolView> List(ManagerRuntime m)
    {
        var circuits = m.Circuits.Read();
        return m.Registry.Pools.OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => PoolView.Of(p, circuits.GetValueOrDefault(p.Id, CircuitState.Closed))).ToList();
    }

    private static Results<Ok<PoolView>, ProblemHttpResult> Get(string id, ManagerRuntime m, HttpContext http)
    {
        if (!m.Registry.TryGet(id, out var pool))
        {
            return Problems.NotFound(new PoolNotRegisteredException(id).Message, Correlation(http));
        }

        return TypedResults.Ok(PoolView.Of(pool, m.Circuits.Read().GetValueOrDefault(id, CircuitState.Closed)));
    }

    private static async Task<Results<Ok<ActionResult>, ProblemHttpResult>> DrainAsync(
        string id, DrainRequest? request, ManagerRuntime m, HttpContext http, ILogger<ManagerRuntime> log)
    {
        var correlationId = Correlation(http);
        var deadline = m.Options.DefaultDrainDeadline;
        Task<DrainOutcome> drain;
        try
        {
            deadline = request?.DeadlineSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : deadline;
            drain = m.Drains.DrainAsync(id, deadline, DrainMode.StopEngine, correlationId);
        }
        catch (PoolNotRegisteredException e)
        {
            return Refused(log, "drain", id, correlationId, Problems.NotFound(e.Message, correlationId));
        }
        catch (InvalidOperationException e)
        {
            return Refused(log, "drain", id, correlationId, Problems.Refused("The pool refused the drain", e.Message, correlationId));
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            return Refused(log, "drain", id, correlationId, Problems.BadRequest(e.Message, correlationId));
        }

        ManagerLog.Action(log, "drain", id, correlationId, $"draining within {deadline.TotalSeconds:0.###} s");
        var outcome = await drain;
        return Done(log, "drain", id, outcome.Describe(), outcome.CorrelationId);
    }

    private static async Task<Results<Ok<ActionResult>, ProblemHttpResult>> ReloadAsync(
        string id, ReloadRequest request, ManagerRuntime m, HttpContext http, ILogger<ManagerRuntime> log)
    {
        var correlationId = Correlation(http);
        if (!m.Registry.TryGet(id, out var pool))
        {
            return Refused(log, "reload", id, correlationId, Problems.NotFound(new PoolNotRegisteredException(id).Message, correlationId));
        }

        if (string.IsNullOrWhiteSpace(request.Model) && string.IsNullOrWhiteSpace(request.EngineVersion))
        {
            return Refused(log, "reload", id, correlationId, Problems.BadRequest("a reload names a model, an engine version, or both", correlationId));
        }

        if ((request.Model is { } model && string.IsNullOrWhiteSpace(model)) || (request.EngineVersion is { } version && string.IsNullOrWhiteSpace(version)))
        {
            return Refused(log, "reload", id, correlationId, Problems.BadRequest("a model or engine version a reload names must not be blank", correlationId));
        }

        if (ReloadStrategyOf(request.Strategy) is not { } strategy)
        {
            return Refused(log, "reload", id, correlationId, Problems.BadRequest($"strategy must be drain_first or surge, got '{request.Strategy}'", correlationId));
        }

        if (request.MemoryMiB is <= 0)
        {
            return Refused(log, "reload", id, correlationId, Problems.BadRequest($"memoryMiB must be a positive number of MiB, got {request.MemoryMiB}", correlationId));
        }

        var current = pool.Spec;
        var target = current with
        {
            Model = request.Model ?? current.Model,
            EngineVersion = request.EngineVersion ?? current.EngineVersion,
            MemoryMiB = request.MemoryMiB ?? current.MemoryMiB,
        };
        if (request.DrainDeadlineSeconds is { } seconds && !(seconds >= 0 && seconds <= int.MaxValue / 1000))
        {
            return Refused(log, "reload", id, correlationId, Problems.BadRequest($"drainDeadlineSeconds must be between 0 and {int.MaxValue / 1000}, got {seconds}", correlationId));
        }

        var deadline = request.DrainDeadlineSeconds is { } given ? TimeSpan.FromSeconds(given) : m.Options.DefaultDrainDeadline;
        ManagerLog.Action(log, "reload", id, correlationId, $"reloading to {target.VersionLabel}");
        var result = await m.Reloads.ReloadAsync(id, target, deadline, CancellationToken.None, correlationId, strategy); // an operator's action outlives its request
        return result.Status switch
        {
            ReloadStatus.Reloaded => Done(log, "reload", id, $"serves {target.VersionLabel}{HowReloaded(result)}", correlationId),
            ReloadStatus.AlreadyCurrent => Done(log, "reload", id, $"already serves {target.VersionLabel}", correlationId),
            ReloadStatus.Refused => Refused(log, "reload", id, correlationId, Problems.Refused("The pool refused the reload", result.Error!, correlationId)),
            _ => Refused(log, "reload", id, correlationId, Problems.Failed(result.RolledBack ? "The reload failed and was rolled back" : "The reload failed", result.Error!, correlationId)),
        };
    }

    /// <summary>The strategy a reload request names: none is drain-first; null when the name is unknown.</summary>
    private static ReloadStrategy? ReloadStrategyOf(string? name) => name switch
    {
        null or "drain_first" => ReloadStrategy.DrainFirst,
        "surge" => ReloadStrategy.Surge,
        _ => null,
    };

    /// <summary>How a reload that succeeded swapped the engine, for the operator who asked for a surge.</summary>
    private static string HowReloaded(ReloadResult result) =>
        result.Strategy == ReloadStrategy.Surge ? " (surge: the new engine started beside the old one, nothing was refused)"
        : result.FellBackToDrainFirst ? $" (drain-first: {result.FallbackReason})"
        : "";

    private static Results<Ok<ActionResult>, ProblemHttpResult> ResetCircuit(string id, ManagerRuntime m, HttpContext http, ILogger<ManagerRuntime> log)
    {
        var correlationId = Correlation(http);
        if (!m.Registry.TryGet(id, out _))
        {
            return Refused(log, "reset_circuit", id, correlationId, Problems.NotFound(new PoolNotRegisteredException(id).Message, correlationId));
        }

        m.Supervisor.ResetCircuit(id, correlationId);
        return Done(log, "reset_circuit", id, "circuit closed", correlationId);
    }

    private static Results<Ok<ActionResult>, ProblemHttpResult> AllowOneRestart(string id, ManagerRuntime m, HttpContext http, ILogger<ManagerRuntime> log)
    {
        var correlationId = Correlation(http);
        if (!m.Registry.TryGet(id, out var pool))
        {
            return Refused(log, "allow_one_restart", id, correlationId, Problems.NotFound(new PoolNotRegisteredException(id).Message, correlationId));
        }

        return m.Supervisor.AllowOneRestart(id, correlationId)
            ? Done(log, "allow_one_restart", id, "one restart let through", correlationId)
            : Refused(log, "allow_one_restart", id, correlationId, Problems.Refused("Nothing to allow",
                $"pool {id} is not stopped by its restart policies: it is {pool.State}", correlationId));
    }

    private static Results<Created<LeaseView>, ProblemHttpResult> TakeLease(string id, ManagerRuntime m, HttpContext http, ILogger<ManagerRuntime> log)
    {
        var correlationId = Correlation(http);
        var refusal = m.Registry.TryAcquire(id, out var lease);
        if (refusal != LeaseRefusal.None)
        {
            var message = LeaseRefusedException.Describe(id, refusal);
            return Refused(log, "lease", id, correlationId, refusal == LeaseRefusal.NotRegistered
                ? Problems.NotFound(message, correlationId)
                : Problems.Refused("The pool refused the lease", message, correlationId));
        }

        m.Leases.Hold(lease);
        ManagerLog.Action(log, "lease", id, correlationId, $"lease {lease.Id} granted");
        http.Response.Headers[CorrelationHeader] = correlationId;
        return TypedResults.Created($"/pools/{id}/leases/{lease.Id}", new LeaseView(id, lease.Id, m.Registry.Get(id).Snapshot().Endpoint?.ToString()));
    }

    private static Results<NoContent, ProblemHttpResult> ReleaseLease(string id, long leaseId, ManagerRuntime m, HttpContext http, ILogger<ManagerRuntime> log)
    {
        var correlationId = Correlation(http);
        if (!m.Leases.Release(id, leaseId))
        {
            return Refused(log, "release", id, correlationId, Problems.NotFound($"pool {id} holds no lease {leaseId} taken over the API", correlationId));
        }

        ManagerLog.Action(log, "release", id, correlationId, $"lease {leaseId} released");
        http.Response.Headers[CorrelationHeader] = correlationId;
        return TypedResults.NoContent();
    }

    private static string Correlation(HttpContext http)
    {
        var given = http.Request.Headers[CorrelationHeader].ToString();
        var id = CorrelationIds.OrNew(string.IsNullOrWhiteSpace(given) ? null : given);
        http.Response.Headers[CorrelationHeader] = id;
        return id;
    }

    private static Ok<ActionResult> Done(ILogger log, string action, string pool, string outcome, string correlationId)
    {
        ManagerLog.Action(log, action, pool, correlationId, outcome);
        return TypedResults.Ok(new ActionResult(pool, action, outcome, correlationId));
    }

    private static ProblemHttpResult Refused(ILogger log, string action, string pool, string correlationId, ProblemHttpResult problem)
    {
        ManagerLog.Action(log, action, pool, correlationId, $"refused ({problem.StatusCode}): {problem.ProblemDetails.Detail}");
        return problem;
    }
}
