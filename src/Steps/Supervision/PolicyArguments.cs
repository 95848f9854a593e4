using Reqnroll;
using Runtime.CircuitBreaker;
using Runtime.Crashes;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>
/// Parameter types of the restart-policy steps: <c>{crashCause}</c> ("out of memory", "a driver error", "a signal",
/// "a non-zero exit code", "a failed health check", "a startup failure", "a graceful exit") and
/// <c>{circuitState}</c> ("closed", "open", "half-open").
/// </summary>
[Binding]
public sealed class PolicyArguments
{
    /// <summary>"a driver error" → <see cref="CrashReason.DriverError"/>.</summary>
    [StepArgumentTransformation("(a non-zero exit code|a signal|out of memory|a driver error|a failed health check|a startup failure|a graceful exit)", Name = "crashCause")]
    public CrashCause ToCrashCause(string text) => new(PolicyDriver.ParseCause(text), text);

    /// <summary>"half-open" → <see cref="CircuitState.HalfOpen"/>.</summary>
    [StepArgumentTransformation("(closed|open|half-open)", Name = "circuitState")]
    public CircuitState ToCircuitState(string text) => text switch
    {
        "closed" => CircuitState.Closed,
        "open" => CircuitState.Open,
        _ => CircuitState.HalfOpen,
    };
}

/// <summary>A crash cause as written in a step, and its <see cref="CrashReason"/>.</summary>
public sealed record CrashCause(CrashReason Reason, string Wording);
