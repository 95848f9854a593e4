using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Common;

namespace Runtime.Supervision;

/// <summary>One run of an engine process: from launch to its single outcome (ready, crash, planned stop).</summary>
internal sealed class EngineRun(EngineSpec spec, DateTimeOffset startedAt, long? oomBaseline, bool supervised)
{
    private int _ended;

    public EngineSpec Spec { get; } = spec;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public long? OomBaseline { get; } = oomBaseline;

    /// <summary>False for a reload's new engine until it is ready: its failures go to the caller, not the restart policies.</summary>
    public bool Supervised { get; set; } = supervised;

    public IEngineProcess? Process { get; set; }

    /// <summary>The surge this run is the new engine of, while it runs beside the old one; null otherwise.</summary>
    public EngineSurge? Surge { get; set; }

    public HealthMonitor? Monitor { get; set; }

    public Uri? Endpoint { get; set; }

    /// <summary>Set when the health checks failed and the engine is being stopped for it.</summary>
    public string? HealthFailure { get; set; }

    public TaskCompletionSource<EngineStartResult> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool HasEnded => Volatile.Read(ref _ended) != 0;

    /// <summary>True for the first caller only: one outcome per run.</summary>
    public bool TryEnd() => Interlocked.Exchange(ref _ended, 1) == 0;

    /// <summary>
    /// Ends the run on purpose (no crash is recorded) unless it has ended already; a start still waited for then ends
    /// too, "stopped before it was ready", so that no caller of a start outlives the run waiting.
    /// </summary>
    public void EndOnPurpose()
    {
        if (TryEnd())
        {
            Started.TrySetResult(EngineStartResult.Failed(Process?.Pid, Crashes.CrashReason.GracefulExit, "stopped before it was ready"));
        }
    }
}
