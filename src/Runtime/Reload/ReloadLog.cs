using Microsoft.Extensions.Logging;

namespace Runtime.Reload;

/// <summary>Structured log events of reloads.</summary>
internal static partial class ReloadLog
{
    [LoggerMessage(EventId = 3201, EventName = "ReloadStarted", Level = LogLevel.Information, Message = "Reloading pool {PoolId}: {From} -> {To} [{CorrelationId}]")]
    public static partial void Started(ILogger logger, string poolId, string from, string to, string correlationId);

    [LoggerMessage(EventId = 3202, EventName = "ReloadSucceeded", Level = LogLevel.Information, Message = "Pool {PoolId} reloaded to {To} [{CorrelationId}]")]
    public static partial void Succeeded(ILogger logger, string poolId, string to, string correlationId);

    [LoggerMessage(EventId = 3203, EventName = "ReloadFailed", Level = LogLevel.Error, Message = "Reload of pool {PoolId} failed at {Step}: {Error}; rolled back: {RolledBack} [{CorrelationId}]")]
    public static partial void Failed(ILogger logger, string poolId, string step, string error, bool rolledBack, string correlationId);
}
