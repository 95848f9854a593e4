using Microsoft.Extensions.Logging;

namespace Runtime.Supervision.RestartLimits;

/// <summary>Structured log events of the restart-rate limiter (ids 1301-1399).</summary>
internal static partial class RestartLimitLog
{
    [LoggerMessage(EventId = 1301, EventName = RestartLimitConstants.WarningEventName, Level = LogLevel.Warning,
        Message = "Pool {PoolId}: {RestartCount} restarts in the last {WindowSeconds} s")]
    public static partial void Warning(ILogger logger, string poolId, int restartCount, double windowSeconds);

    [LoggerMessage(EventId = 1302, EventName = RestartLimitConstants.StormEventName, Level = LogLevel.Critical,
        Message = "Pool {PoolId}: {StormKind}, {RestartCount} restarts in {WindowSeconds} s, mostly {CrashReason}; {Remediation}")]
    public static partial void Storm(ILogger logger, string poolId, string stormKind, int restartCount, double windowSeconds, string crashReason, string remediation);

    [LoggerMessage(EventId = 1303, EventName = RestartLimitConstants.RefusedEventName, Level = LogLevel.Warning,
        Message = "Pool {PoolId}: restart refused, {RestartCount} restarts in the last {WindowSeconds} s")]
    public static partial void Refused(ILogger logger, string poolId, int restartCount, double windowSeconds);

    [LoggerMessage(EventId = 1304, EventName = RestartLimitConstants.ResetEventName, Level = LogLevel.Information,
        Message = "Pool {PoolId}: restart count reset ({Cause}) after {RestartCount} restarts")]
    public static partial void Reset(ILogger logger, string poolId, string cause, int restartCount);
}
