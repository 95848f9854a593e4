using Runtime.Supervision.Engines;

namespace Runtime.Common;

/// <summary>
/// One surge of a pool, as a reload sees it: a new engine started beside the serving one
/// (<see cref="ISurgeEngines.StartBesideAsync"/>). Once healthy, <see cref="TrySwitch"/> sends new leases to it while
/// the leases held on the old engine finish there; <see cref="StopOldAsync"/> then ends the surge. Until then, if the
/// new engine ends, the old one serves again at once and <see cref="NewEngineFailed"/> says why.
/// </summary>
public interface IEngineSurge
{
    /// <summary>The pool.</summary>
    string PoolId { get; }

    /// <summary>How the new engine's start ended: ready (with its pid and endpoint), or why not.</summary>
    EngineStartResult Start { get; }

    /// <summary>The old engine's process id.</summary>
    int? OldPid { get; }

    /// <summary>True once new leases go to the new engine.</summary>
    bool Switched { get; }

    /// <summary>Leases still held on the old engine (0 before the switch).</summary>
    int OldActiveLeases { get; }

    /// <summary>Completed when the last lease held on the old engine is released (after the switch).</summary>
    Task OldLeasesFinished { get; }

    /// <summary>Completed when the old engine's process has ended.</summary>
    Task OldEngineEnded { get; }

    /// <summary>Completed when the new engine's process has ended.</summary>
    Task NewEngineEnded { get; }

    /// <summary>Completed, with why, when the new engine failed while the old one still retires.</summary>
    Task<string> NewEngineFailed { get; }

    /// <summary>Sends the pool's new leases to the new engine; false, with why, when it cannot.</summary>
    bool TrySwitch(out string? refusal);

    /// <summary>Stops the old engine (killed at once with <paramref name="force"/>); the surge ends.</summary>
    Task<EngineExit?> StopOldAsync(bool force, CancellationToken cancellationToken = default);

    /// <summary>Kills the new engine and gives the pool back to the old one.</summary>
    Task AbortAsync();
}
