using Microsoft.Extensions.Logging;

namespace Runtime.Supervision.CircuitBreaker;

/// <summary>Structured log events of the circuit breaker (ids 1201-1299).</summary>
internal static partial class CircuitBreakerLog
{
    [LoggerMessage(EventId = 1201, EventName = CircuitBreakerConstants.StateChangedEventName, Level = LogLevel.Warning,
        Message = "Pool {PoolId}: {Circuit} circuit {OldState} -> {NewState} with {FailureCount} failures")]
    public static partial void StateChanged(ILogger logger, string poolId, string circuit, string oldState, string newState, int failureCount);

    [LoggerMessage(EventId = 1202, EventName = CircuitBreakerConstants.ResetEventName, Level = LogLevel.Information,
        Message = "Pool {PoolId}: circuits reset by the operator")]
    public static partial void Reset(ILogger logger, string poolId);

    [LoggerMessage(EventId = 1203, EventName = CircuitBreakerConstants.OneRestartAllowedEventName, Level = LogLevel.Information,
        Message = "Pool {PoolId}: the operator allows one restart")]
    public static partial void OneRestartAllowed(ILogger logger, string poolId);
}
