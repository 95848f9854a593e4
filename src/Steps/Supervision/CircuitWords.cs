using Runtime.Supervision.CircuitBreaker;

namespace Steps.Supervision;

/// <summary>A circuit's state in the specification's own words, and as the log spells it.</summary>
internal static class CircuitWords
{
    /// <summary>The state as a scenario says it: "half-open".</summary>
    public static string Name(CircuitState state) => LogName(state).Replace('_', '-');

    /// <summary>The state as the log and the operators' tooling spell it (the spec's own vocabulary, not the runtime's mapping).</summary>
    public static string LogName(CircuitState state) => state switch
    {
        CircuitState.Closed => "closed",
        CircuitState.Open => "open",
        CircuitState.HalfOpen => "half_open",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "no circuit state of that name in the specification"),
    };
}
