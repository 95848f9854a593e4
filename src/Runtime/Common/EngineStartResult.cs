using Runtime.Supervision.Crashes;

namespace Runtime.Common;

/// <summary>The outcome of starting an engine: ready, or why not.</summary>
/// <param name="Ready">True when the engine answered its health check and the pool is ready.</param>
/// <param name="Pid">The process id, when a process was started.</param>
/// <param name="Endpoint">The loopback endpoint, when reported.</param>
/// <param name="Failure">Why it did not become ready (a crash reason); null when ready.</param>
/// <param name="Error">A message naming the failure; null when ready.</param>
public sealed record EngineStartResult(bool Ready, int? Pid, Uri? Endpoint, CrashReason? Failure, string? Error)
{
    /// <summary>A ready engine.</summary>
    public static EngineStartResult Success(int pid, Uri endpoint) => new(true, pid, endpoint, null, null);

    /// <summary>A failed start.</summary>
    public static EngineStartResult Failed(int? pid, CrashReason reason, string error) => new(false, pid, null, reason, error);
}
