namespace Runtime.Supervision.CircuitBreaker;

/// <summary>Defaults of <see cref="CircuitBreakerOptions"/> and the stable names of the breaker's logs and metrics.</summary>
public static class CircuitBreakerConstants
{
    /// <summary>Consecutive failures that open a circuit: 5.</summary>
    public const int DefaultFailureThreshold = 5;

    /// <summary>How long a circuit stays open the first time: 300 seconds.</summary>
    public static readonly TimeSpan DefaultOpenDuration = TimeSpan.FromSeconds(300);

    /// <summary>Cap of the open duration after failed probes: 1 hour.</summary>
    public static readonly TimeSpan DefaultMaxOpenDuration = TimeSpan.FromHours(1);

    /// <summary>Factor applied to the open duration after each failed probe: 2.</summary>
    public const double DefaultOpenDurationMultiplier = 2.0;

    /// <summary>Stable running after which a run counts as a success (closes a half-open circuit): 60 seconds.</summary>
    public static readonly TimeSpan DefaultStableRunDuration = TimeSpan.FromSeconds(60);

    /// <summary>The <c>circuit</c> tag of the general circuit (every reason without a circuit of its own).</summary>
    public const string GeneralCircuitName = "general";

    /// <summary>Log event of every state transition (id 1201).</summary>
    public const string StateChangedEventName = "CircuitStateChanged";

    /// <summary>Log event of an operator reset (id 1202).</summary>
    public const string ResetEventName = "CircuitReset";

    /// <summary>Log event of an operator's one-restart allowance (id 1203).</summary>
    public const string OneRestartAllowedEventName = "CircuitOneRestartAllowed";

    /// <summary>Stable snake_case name of a state, as used in logs and specs: closed, open, half_open.</summary>
    public static string GetStateName(CircuitState state) => state switch
    {
        CircuitState.Closed => "closed",
        CircuitState.Open => "open",
        CircuitState.HalfOpen => "half_open",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown circuit state."),
    };
}
