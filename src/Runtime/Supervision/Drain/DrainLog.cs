using Microsoft.Extensions.Logging;

namespace Runtime.Supervision.Drain;

/// <summary>Structured log events of drains.</summary>
internal static partial class DrainLog
{
    /// <summary>
    /// A drain started: a warning when leases are outstanding (work may be cut short at the deadline), naming their
    /// count; information when none is.
    /// </summary>
    [LoggerMessage(EventId = 3101, EventName = "DrainStarted", Message = "Draining pool {PoolId} with {ActiveLeases} active leases (deadline {DeadlineSeconds} s) [{CorrelationId}]")]
    private static partial void Started(ILogger logger, LogLevel level, string poolId, int activeLeases, double deadlineSeconds, string correlationId);

    public static void Started(ILogger logger, string poolId, int activeLeases, double deadlineSeconds, string correlationId) =>
        Started(logger, activeLeases > 0 ? LogLevel.Warning : LogLevel.Information, poolId, activeLeases, deadlineSeconds, correlationId);

    [LoggerMessage(EventId = 3102, EventName = "DrainCompleted", Level = LogLevel.Information, Message = "Pool {PoolId} drained in {DurationMs} ms [{CorrelationId}]")]
    public static partial void Completed(ILogger logger, string poolId, double durationMs, string correlationId);

    [LoggerMessage(EventId = 3103, EventName = "DrainDeadlinePassed", Level = LogLevel.Error, Message = "Pool {PoolId} drain deadline passed with {ActiveLeases} active leases: {Action} [{CorrelationId}]")]
    public static partial void DeadlinePassed(ILogger logger, string poolId, int activeLeases, string action, string correlationId);

    [LoggerMessage(EventId = 3104, EventName = "DrainCancelled", Level = LogLevel.Warning, Message = "Pool {PoolId} drain cancelled with {ActiveLeases} active leases: the pool serves again [{CorrelationId}]")]
    public static partial void Cancelled(ILogger logger, string poolId, int activeLeases, string correlationId);
}
