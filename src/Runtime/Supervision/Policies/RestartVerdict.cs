namespace Runtime.Supervision.Policies;

/// <summary>What the restart policy answers to an engine's crash.</summary>
public enum RestartVerdict
{
    /// <summary>Restart the engine after <see cref="RestartDecision.Delay"/>.</summary>
    RestartAfterDelay,

    /// <summary>No restart: a restart storm, or an open circuit (<see cref="RestartDecision.RefusedBecause"/>).</summary>
    Refused,

    /// <summary>The engine exited gracefully and graceful exits are not restarted: the pool stops.</summary>
    Stop,

    /// <summary>The caller did not want a restart (the engine was stopped on purpose): the failure was only counted.</summary>
    NotWanted,
}
