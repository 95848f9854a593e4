namespace Runtime.ExecutionContexts;

/// <summary>A backend failure contained by a context: what failed, when, and on which request.</summary>
/// <param name="ContextId">The context that faulted.</param>
/// <param name="Message">The backend's error message or the exception's message.</param>
/// <param name="ExceptionType">The exception type name when the backend threw; null for an error result.</param>
/// <param name="At">When, read from the factory's <see cref="TimeProvider"/>.</param>
/// <param name="Request">Requests the context had received when it faulted (the failing one included).</param>
public sealed record ContextFault(string ContextId, string Message, string? ExceptionType, DateTimeOffset At, long Request);
