using Reqnroll;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
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

    /// <summary>"the first, 2 restarts and 1 probe" → the engine starts it names, and their total (4).</summary>
    [StepArgumentTransformation(@"(the first(?:(?:, | and )\d+ (?:restarts?|probes?))*)", Name = "engineStarts")]
    public EngineStarts ToEngineStarts(string text) =>
        new(text, 1 + System.Text.RegularExpressions.Regex.Matches(text, @"(\d+) (?:restart|probe)").Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>"reset of the circuit of" → "reset_circuit", "one restart let through for" → "allow_one_restart": the logged action.</summary>
    [StepArgumentTransformation("(reset of the circuit of|one restart let through for)", Name = "operatorAction")]
    public string ToOperatorAction(string text) => text == "reset of the circuit of" ? "reset_circuit" : "allow_one_restart";

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

/// <summary>The engines a scenario says were started, as written ("the first and 2 restarts"), and how many that makes.</summary>
public sealed record EngineStarts(string Text, int Total);
