namespace Runtime.Supervision.Engines;

/// <summary>A running (or ended) engine child process.</summary>
public interface IEngineProcess : IAsyncDisposable
{
    /// <summary>The OS process id.</summary>
    int Pid { get; }

    /// <summary>When it was started, on the launcher's <see cref="TimeProvider"/>.</summary>
    DateTimeOffset StartedAt { get; }

    /// <summary>
    /// Completes with the health endpoint once the engine writes <c>listening on http://127.0.0.1:PORT</c>;
    /// faults with <see cref="EngineExitedException"/> if the process ends first.
    /// </summary>
    Task<Uri> Listening { get; }

    /// <summary>
    /// Completes when the process has ended (it was reaped) and the output it wrote is read, also while another process
    /// holds its output pipes (on Linux; elsewhere the wait for their end is cut at <see cref="EngineDefaults.OutputDrainLimit"/>). Never faults.
    /// </summary>
    Task<EngineExit> Exited { get; }

    /// <summary>True once the process has ended.</summary>
    bool HasExited { get; }

    /// <summary>Writes <paramref name="line"/> on the engine's stdin (the engine stub reads commands there); false when it is gone.</summary>
    bool WriteLine(string line);

    /// <summary>Sends <paramref name="signal"/>; false when the process is gone.</summary>
    bool Signal(int signal);

    /// <summary>
    /// Stops the engine: SIGTERM, then SIGKILL if it is still running after <paramref name="gracePeriod"/>
    /// (measured on the launcher's <see cref="TimeProvider"/>). Returns how it ended.
    /// </summary>
    Task<EngineExit> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken = default);
}
