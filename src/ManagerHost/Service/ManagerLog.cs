using Microsoft.Extensions.Logging;

namespace ManagerHost.Service;

/// <summary>Structured log events of the manager service (ids 9001-9099).</summary>
internal static partial class ManagerLog
{
    [LoggerMessage(EventId = 9001, EventName = "Listening", Level = LogLevel.Information, Message = "Manager API listening on {Url} (bearer token {TokenRule})")]
    public static partial void Listening(ILogger logger, string url, string tokenRule);

    [LoggerMessage(EventId = 9002, EventName = "PoolRestored", Level = LogLevel.Information, Message = "Pool {PoolId} restored from {StateFile}: {CrashCount} crashes, {RestartCount} restarts")]
    public static partial void Restored(ILogger logger, string poolId, string stateFile, int crashCount, int restartCount);

    [LoggerMessage(EventId = 9003, EventName = "RestoredSpecKept", Level = LogLevel.Warning, Message = "Pool {PoolId} keeps the engine of its state file ({Engine}), which differs from its configuration: reload it to change it")]
    public static partial void RestoredSpecKept(ILogger logger, string poolId, string engine);

    [LoggerMessage(EventId = 9004, EventName = "PoolNotConfigured", Level = LogLevel.Warning, Message = "Pool {PoolId} is in the state file but not in the configuration: not started")]
    public static partial void NotConfigured(ILogger logger, string poolId);

    [LoggerMessage(EventId = 9005, EventName = "PoolStartFailed", Level = LogLevel.Error, Message = "Pool {PoolId} did not start: {Error}")]
    public static partial void StartFailed(ILogger logger, string poolId, string error);

    [LoggerMessage(EventId = 9006, EventName = "StopBegins", Level = LogLevel.Information, Message = "Stopping: draining every pool within {GraceSeconds} s [{CorrelationId}]")]
    public static partial void StopBegins(ILogger logger, double graceSeconds, string correlationId);

    [LoggerMessage(EventId = 9007, EventName = "PoolDrainedAtStop", Level = LogLevel.Information, Message = "Pool {PoolId} at stop: {Outcome} [{CorrelationId}]")]
    public static partial void Drained(ILogger logger, string poolId, string outcome, string correlationId);

    [LoggerMessage(EventId = 9008, EventName = "DrainSkippedAtStop", Level = LogLevel.Warning, Message = "Pool {PoolId} not drained at stop: {Reason}")]
    public static partial void DrainSkipped(ILogger logger, string poolId, string reason);

    [LoggerMessage(EventId = 9009, EventName = "StopEnds", Level = LogLevel.Information, Message = "Stopped: {RunningEngines} engines still running are killed now")]
    public static partial void StopEnds(ILogger logger, int runningEngines);

    [LoggerMessage(EventId = 9010, EventName = "OperatorAction", Level = LogLevel.Information, Message = "Operator {Action} on pool {PoolId} [{CorrelationId}]: {Outcome}")]
    public static partial void Action(ILogger logger, string action, string poolId, string correlationId, string outcome);

    [LoggerMessage(EventId = 9011, EventName = "ConfigurationRefused", Level = LogLevel.Critical, Message = "The configuration is refused: {Failures}")]
    public static partial void ConfigurationRefused(ILogger logger, string failures);
}
