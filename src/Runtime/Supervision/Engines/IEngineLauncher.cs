namespace Runtime.Supervision.Engines;

/// <summary>Starts engine processes. The real one is <see cref="EngineLauncher"/>; tests may substitute it.</summary>
public interface IEngineLauncher
{
    /// <summary>Starts the process described by <paramref name="request"/>.</summary>
    /// <exception cref="EngineStartException">When the OS cannot start it (command not found, ...).</exception>
    IEngineProcess Start(EngineLaunchRequest request);
}
