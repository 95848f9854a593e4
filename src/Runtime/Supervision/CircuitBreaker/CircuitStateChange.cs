using Runtime.Supervision.Crashes;

namespace Runtime.Supervision.CircuitBreaker;

/// <summary>A transition of one circuit of a pool, raised by <see cref="PoolCircuitBreaker.StateChanged"/>.</summary>
/// <param name="PoolId">The pool.</param>
/// <param name="Circuit"><c>general</c>, or the snake_case crash reason of a separate circuit.</param>
/// <param name="Reason">The crash reason of a separate circuit; <see langword="null"/> for the general circuit.</param>
/// <param name="OldState">State before.</param>
/// <param name="NewState">State after.</param>
/// <param name="FailureCount">Failures counted by the circuit at the transition.</param>
/// <param name="At">When the transition happened.</param>
/// <param name="OpenUntil">When an opened circuit turns half-open; <see langword="null"/> unless <paramref name="NewState"/> is open.</param>
public readonly record struct CircuitStateChange(
    string PoolId, string Circuit, CrashReason? Reason, CircuitState OldState, CircuitState NewState,
    int FailureCount, DateTimeOffset At, DateTimeOffset? OpenUntil);
