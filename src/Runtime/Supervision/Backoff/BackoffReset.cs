namespace Runtime.Supervision.Backoff;

/// <summary>Raised by <see cref="RestartBackoff.DelayReset"/> when the crash count is forgotten.</summary>
/// <param name="PoolId">The pool whose backoff was reset.</param>
/// <param name="ForgottenCrashes">The consecutive crash count before the reset.</param>
/// <param name="At">When the reset happened.</param>
/// <param name="Cause"><c>stable</c> after the stable period, <c>manual</c> after <see cref="RestartBackoff.Reset"/>.</param>
public readonly record struct BackoffReset(string PoolId, int ForgottenCrashes, DateTimeOffset At, string Cause);
