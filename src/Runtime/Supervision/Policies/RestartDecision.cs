namespace Runtime.Supervision.Policies;

/// <summary>The restart policy's one answer to a crash: restart after a delay, or why not.</summary>
/// <param name="Verdict">Restart, refuse, stop, or nothing wanted.</param>
/// <param name="Delay">The backoff delay before the restart; zero unless <see cref="RestartVerdict.RestartAfterDelay"/>.</param>
/// <param name="RefusedBecause">Why a restart is refused, in words for the pool's last error; null unless refused.</param>
/// <param name="WaitsForCircuit">
/// The refusal is an open circuit: when the circuit turns half-open the pool may restart as its probe
/// (<see cref="RestartPolicy.TryAdmitProbe"/>). False for a restart storm, which waits for an operator or the open time.
/// </param>
public readonly record struct RestartDecision(RestartVerdict Verdict, TimeSpan Delay, string? RefusedBecause, bool WaitsForCircuit)
{
    /// <summary>Restart after <paramref name="delay"/>.</summary>
    public static RestartDecision RestartAfter(TimeSpan delay) => new(RestartVerdict.RestartAfterDelay, delay, null, false);

    /// <summary>No restart, because <paramref name="why"/>.</summary>
    public static RestartDecision Refuse(string why, bool waitsForCircuit) => new(RestartVerdict.Refused, TimeSpan.Zero, why, waitsForCircuit);

    /// <summary>The pool stops: a graceful exit that is not restarted.</summary>
    public static RestartDecision Stop { get; } = new(RestartVerdict.Stop, TimeSpan.Zero, null, false);

    /// <summary>The failure was counted; no restart was asked for.</summary>
    public static RestartDecision NotWanted { get; } = new(RestartVerdict.NotWanted, TimeSpan.Zero, null, false);
}
