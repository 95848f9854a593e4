using Microsoft.Extensions.Logging;

namespace Runtime.Supervision.Backoff;

/// <summary>Structured log events of the backoff (ids 1101-1199).</summary>
internal static partial class BackoffLog
{
    [LoggerMessage(EventId = 1101, EventName = BackoffConstants.RestartScheduledEventName, Level = LogLevel.Information,
        Message = "Pool {PoolId}: restart #{CrashCount} after {CrashReason} scheduled in {DelayMs} ms, at {NextRestartAt:O}")]
    public static partial void RestartScheduled(ILogger logger, string poolId, int crashCount, string crashReason, double delayMs, DateTimeOffset nextRestartAt);

    [LoggerMessage(EventId = 1102, EventName = BackoffConstants.BackoffResetEventName, Level = LogLevel.Information,
        Message = "Pool {PoolId}: backoff reset ({Cause}) after {CrashCount} consecutive crashes")]
    public static partial void BackoffReset(ILogger logger, string poolId, string cause, int crashCount);
}
