using Microsoft.Extensions.Logging;

namespace Runtime.ExecutionContexts;

/// <summary>Structured log events of contexts, with stable names.</summary>
internal static class ContextLog
{
    private static readonly Action<ILogger, string, string, string, string, Exception?> FaultedEvent =
        LoggerMessage.Define<string, string, string, string>(LogLevel.Warning, new EventId(4101, "context_faulted"),
            "Context {ContextId} of tenant {Tenant} (model {Model}) faulted: {Fault}");

    private static readonly Action<ILogger, string, string, Exception?> ResetEvent =
        LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(4102, "context_reset"),
            "Context {ContextId} reset after fault: {Fault}");

    private static readonly Action<ILogger, string, int, Exception?> TenantLimitEvent =
        LoggerMessage.Define<string, int>(LogLevel.Warning, new EventId(4103, "tenant_limit_reached"),
            "Tenant {Tenant} refused a new context: limit of {Limit} live contexts reached");

    private static readonly Action<ILogger, string, string, string, Exception?> BackendConnectFailedEvent =
        LoggerMessage.Define<string, string, string>(LogLevel.Warning, new EventId(4104, "backend_connect_failed"),
            "The backend of {Model} could not be connected for tenant {Tenant}: {Error}");

    public static void BackendConnectFailed(ILogger logger, string model, string tenant, string error) =>
        BackendConnectFailedEvent(logger, model, tenant, error, null);

    public static void Faulted(ILogger logger, string contextId, string tenant, string model, string fault) =>
        FaultedEvent(logger, contextId, tenant, model, fault, null);

    public static void Reset(ILogger logger, string contextId, string fault) => ResetEvent(logger, contextId, fault, null);

    public static void TenantLimitReached(ILogger logger, string tenant, int limit) => TenantLimitEvent(logger, tenant, limit, null);
}
