using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Pools;

namespace ManagerHost.Api;

/// <summary>One pool as <c>GET /pools</c> shows it.</summary>
public sealed record PoolView(
    string Id,
    string State,
    bool Ready,
    int? Pid,
    string? Endpoint,
    string Model,
    string EngineVersion,
    int ActiveLeases,
    IReadOnlyList<long> LeaseIds,
    int CrashCount,
    int RestartCount,
    string? LastError,
    string Circuit)
{
    public static PoolView Of(Pool pool, CircuitState circuit)
    {
        var s = pool.Snapshot();
        return new(s.Id, s.State.ToString(), s.Ready, s.Pid, s.Endpoint?.ToString(), s.Spec.Model, s.Spec.EngineVersion,
            s.ActiveLeases, pool.ActiveLeaseIds(), s.CrashCount, s.RestartCount, s.LastError, CircuitBreakerConstants.GetStateName(circuit));
    }
}

/// <summary>The body of <c>POST /pools/{id}/drain</c>; every field optional.</summary>
public sealed record DrainRequest(double? DeadlineSeconds);

/// <summary>
/// The body of <c>POST /pools/{id}/reload</c>: the model, the engine version, or both; optionally the strategy
/// (<c>drain_first</c>, the default, or <c>surge</c>) and the device memory the new model needs, in MiB.
/// </summary>
public sealed record ReloadRequest(string? Model, string? EngineVersion, double? DrainDeadlineSeconds, string? Strategy = null, long? MemoryMiB = null);

/// <summary>What an operator action did, with the correlation id of its log events.</summary>
public sealed record ActionResult(string Pool, string Action, string Outcome, string CorrelationId);

/// <summary>A lease taken over the API.</summary>
public sealed record LeaseView(string Pool, long LeaseId, string? Endpoint);
