using Runtime.Supervision.Crashes;

namespace Runtime.Supervision.Backoff;

/// <summary>The outcome of <see cref="RestartBackoff.RecordCrash"/>: when the pool's engine should be restarted.</summary>
/// <param name="Delay">Wait before the restart, jitter included; within [MinimumDelay, MaxDelay].</param>
/// <param name="CrashCount">Consecutive crashes since the last reset, this one included (1 for the first).</param>
/// <param name="NextRestartAt">The time (on the backoff's <see cref="TimeProvider"/>) the restart is due: crash time + <paramref name="Delay"/>.</param>
/// <param name="Reason">Why the engine stopped.</param>
public readonly record struct BackoffDecision(TimeSpan Delay, int CrashCount, DateTimeOffset NextRestartAt, CrashReason Reason);
