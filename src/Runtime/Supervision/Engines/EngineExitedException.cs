namespace Runtime.Supervision.Engines;

/// <summary>The engine ended before it did what was awaited (for example, before it reported its endpoint).</summary>
public sealed class EngineExitedException : Exception
{
    /// <summary>Creates the exception for process <paramref name="pid"/> that ended with <paramref name="exit"/>.</summary>
    public EngineExitedException(int pid, EngineExit exit)
        : base($"engine process {pid} ended ({exit}) before reporting its endpoint")
    {
        Pid = pid;
        Exit = exit;
    }

    /// <summary>The process id.</summary>
    public int Pid { get; }

    /// <summary>How it ended.</summary>
    public EngineExit Exit { get; }
}
