namespace Runtime.Supervision.Engines;

/// <summary>The OS could not start an engine process.</summary>
public sealed class EngineStartException : Exception
{
    /// <summary>Creates the exception for <paramref name="command"/>.</summary>
    public EngineStartException(string command, Exception innerException)
        : base($"could not start engine '{command}': {innerException.Message}", innerException)
    {
        Command = command;
    }

    /// <summary>The command that failed to start.</summary>
    public string Command { get; }
}
