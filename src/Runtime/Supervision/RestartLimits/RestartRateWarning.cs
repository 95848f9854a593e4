namespace Runtime.Supervision.RestartLimits;

/// <summary>The restarts within the window of a pool exceeded the warning threshold.</summary>
/// <param name="PoolId">The pool.</param>
/// <param name="RestartCount">Restarts within the window, this one included.</param>
/// <param name="Window">The window's length.</param>
/// <param name="At">When the restart that crossed the threshold happened.</param>
public readonly record struct RestartRateWarning(string PoolId, int RestartCount, TimeSpan Window, DateTimeOffset At);
