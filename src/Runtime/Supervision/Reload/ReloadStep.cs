namespace Runtime.Supervision.Reload;

/// <summary>The steps of a reload, in order; a failure names its step.</summary>
public enum ReloadStep
{
    /// <summary>Draining the pool's leases (without stopping the engine).</summary>
    Drain,

    /// <summary>Staging the new model (<see cref="IModelProvisioner.StageAsync"/>).</summary>
    Stage,

    /// <summary>Stopping the old engine.</summary>
    StopOld,

    /// <summary>Starting the new engine process.</summary>
    StartNew,

    /// <summary>Waiting for the new engine's health check on loopback.</summary>
    HealthCheck,

    /// <summary>Writing the handoff file.</summary>
    Handoff,

    /// <summary>A surge's switch: new leases go to the new engine (refused when the pool left Ready meanwhile).</summary>
    Switch,

    /// <summary>A surge's drain of the old engine while the new one serves (the new engine failing then hands the pool back).</summary>
    DrainOld,
}

/// <summary>Stable snake_case names of <see cref="ReloadStep"/> (the <c>reload.step</c> tag of <c>runtime.reload.failures</c>).</summary>
public static class ReloadStepNames
{
    /// <summary>The name of <paramref name="step"/>: drain_timeout, stage, stop_old, start_new, health_check, handoff, switch, drain_old.</summary>
    public static string GetName(ReloadStep step) => step switch
    {
        ReloadStep.Drain => "drain_timeout",
        ReloadStep.Stage => "stage",
        ReloadStep.StopOld => "stop_old",
        ReloadStep.StartNew => "start_new",
        ReloadStep.HealthCheck => "health_check",
        ReloadStep.Handoff => "handoff",
        ReloadStep.Switch => "switch",
        ReloadStep.DrainOld => "drain_old",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown reload step."),
    };
}
