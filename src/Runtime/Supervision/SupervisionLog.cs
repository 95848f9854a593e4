using Microsoft.Extensions.Logging;

namespace Runtime.Supervision;

/// <summary>Structured log events of supervision (stable event names).</summary>
internal static partial class SupervisionLog
{
    [LoggerMessage(EventId = 3001, EventName = "EngineStarted", Level = LogLevel.Information, Message = "Pool {PoolId}: engine {Model} on {EngineVersion} started as pid {Pid}")]
    public static partial void Started(ILogger logger, string poolId, string model, string engineVersion, int pid);

    [LoggerMessage(EventId = 3002, EventName = "EngineReady", Level = LogLevel.Information, Message = "Pool {PoolId}: engine pid {Pid} is ready at {Endpoint}")]
    public static partial void Ready(ILogger logger, string poolId, int pid, Uri endpoint);

    /// <summary>A crash: its reason, the engine version, the exit code (null for a signal death or a stopped engine) and the uptime.</summary>
    [LoggerMessage(EventId = 3003, EventName = "EngineCrashed", Level = LogLevel.Warning,
        Message = "Pool {PoolId}: engine {EngineVersion} crashed ({CrashReason}, exit code {ExitCode}): {Detail}; uptime {UptimeSeconds} s")]
    public static partial void Crashed(ILogger logger, string poolId, string engineVersion, string crashReason, int? exitCode, string detail, double uptimeSeconds);

    [LoggerMessage(EventId = 3004, EventName = "EngineOutput", Level = LogLevel.Debug, Message = "Pool {PoolId}: engine pid {Pid}: {Line}")]
    public static partial void Output(ILogger logger, string poolId, int pid, string line);

    [LoggerMessage(EventId = 3005, EventName = "EngineStopped", Level = LogLevel.Information, Message = "Pool {PoolId}: engine stopped ({Exit})")]
    public static partial void Stopped(ILogger logger, string poolId, string exit);

    [LoggerMessage(EventId = 3006, EventName = "RestartScheduled", Level = LogLevel.Information, Message = "Pool {PoolId}: restart in {DelaySeconds} s after {CrashReason}")]
    public static partial void RestartScheduled(ILogger logger, string poolId, double delaySeconds, string crashReason);

    [LoggerMessage(EventId = 3008, EventName = "OperatorAction", Level = LogLevel.Warning, Message = "Pool {PoolId}: operator {Action} ({CorrelationId}): {Outcome}")]
    public static partial void OperatorAction(ILogger logger, string poolId, string action, string correlationId, string outcome);

    [LoggerMessage(EventId = 3009, EventName = "OutOfMemoryKill", Level = LogLevel.Critical, Message = "Pool {PoolId}: the out-of-memory killer ended engine {Model} on {EngineVersion} after {UptimeSeconds} s: {Detail}")]
    public static partial void OutOfMemoryKill(ILogger logger, string poolId, string model, string engineVersion, double uptimeSeconds, string detail);

    /// <summary>A failed health check of a ready engine, with the failures in a row so far and the threshold that stops it.</summary>
    [LoggerMessage(EventId = 3010, EventName = "HealthCheckFailed", Level = LogLevel.Warning,
        Message = "Pool {PoolId}: health check of engine pid {Pid} failed, {ConsecutiveFailures} of {FailureThreshold} in a row: {Error}")]
    public static partial void HealthCheckFailed(ILogger logger, string poolId, int pid, int consecutiveFailures, int failureThreshold, string? error);

    /// <summary>A hung engine is being stopped: its health checks failed the threshold's number of times in a row.</summary>
    [LoggerMessage(EventId = 3011, EventName = "EngineUnhealthy", Level = LogLevel.Error, Message = "Pool {PoolId}: stopping engine pid {Pid}: {Detail}")]
    public static partial void Unhealthy(ILogger logger, string poolId, int pid, string detail);

    [LoggerMessage(EventId = 3007, EventName = "RestartRefused", Level = LogLevel.Error, Message = "Pool {PoolId}: restart refused: {Why}")]
    public static partial void RestartRefused(ILogger logger, string poolId, string why);
}
