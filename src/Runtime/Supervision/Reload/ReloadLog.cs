using Microsoft.Extensions.Logging;

namespace Runtime.Supervision.Reload;

/// <summary>Structured log events of reloads.</summary>
internal static partial class ReloadLog
{
    [LoggerMessage(EventId = 3201, EventName = "ReloadStarted", Level = LogLevel.Information, Message = "Reloading pool {PoolId}: {From} -> {To} [{CorrelationId}]")]
    public static partial void Started(ILogger logger, string poolId, string from, string to, string correlationId);

    [LoggerMessage(EventId = 3202, EventName = "ReloadSucceeded", Level = LogLevel.Information, Message = "Pool {PoolId} reloaded to {To} [{CorrelationId}]")]
    public static partial void Succeeded(ILogger logger, string poolId, string to, string correlationId);

    [LoggerMessage(EventId = 3204, EventName = "ReloadFellBack", Level = LogLevel.Warning, Message = "Reload of pool {PoolId} falls back to drain-first: {Why} [{CorrelationId}]")]
    public static partial void FellBack(ILogger logger, string poolId, string why, string correlationId);

    [LoggerMessage(EventId = 3205, EventName = "ReloadSwitched", Level = LogLevel.Information,
        Message = "Pool {PoolId}: new engine pid {NewPid} takes the new leases; old engine pid {OldPid} finishes {OldLeases} [{CorrelationId}]")]
    public static partial void Switched(ILogger logger, string poolId, int newPid, int? oldPid, int oldLeases, string correlationId);

    [LoggerMessage(EventId = 3206, EventName = "ReloadOldEngineStopped", Level = LogLevel.Information,
        Message = "Pool {PoolId}: old engine stopped ({Exit}), {AbandonedLeases} leases abandoned [{CorrelationId}]")]
    public static partial void OldEngineStopped(ILogger logger, string poolId, string exit, int abandonedLeases, string correlationId);

    [LoggerMessage(EventId = 3203, EventName = "ReloadFailed", Level = LogLevel.Error, Message = "Reload of pool {PoolId} failed at {Step}: {Error}; rolled back: {RolledBack} [{CorrelationId}]")]
    public static partial void Failed(ILogger logger, string poolId, string step, string error, bool rolledBack, string correlationId);

    [LoggerMessage(EventId = 3207, EventName = "ReloadRefused", Level = LogLevel.Warning, Message = "Reload of pool {PoolId} refused: {Why} [{CorrelationId}]")]
    public static partial void Refused(ILogger logger, string poolId, string why, string correlationId);

    [LoggerMessage(EventId = 3208, EventName = "ReloadAlreadyCurrent", Level = LogLevel.Information, Message = "Reload of pool {PoolId} has nothing to do: it already serves {Version} [{CorrelationId}]")]
    public static partial void AlreadyCurrent(ILogger logger, string poolId, string version, string correlationId);
}
