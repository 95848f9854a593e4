using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Common;

namespace Runtime.Supervision;

/// <summary>
/// One surge of a pool: a new engine started beside the serving one (<see cref="ISurgeEngines.StartBesideAsync"/>).
/// Once healthy, <see cref="TrySwitch"/> sends new leases to it while the leases held on the old engine finish there;
/// <see cref="StopOldAsync"/> then ends the surge. Until then, if the new engine ends (a crash, a failed health check),
/// the old one serves again at once and <see cref="NewEngineFailed"/> says why. Thread-safe.
/// </summary>
public sealed class EngineSurge : IEngineSurge
{
    private readonly PoolSupervisor _owner;
    private readonly TaskCompletionSource<string> _newEngineFailed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private EngineLeases? _oldLeases;

    internal EngineSurge(PoolSupervisor owner, EngineRun candidate, EngineRun old)
    {
        _owner = owner;
        Candidate = candidate;
        Old = old;
    }

    /// <summary>The pool.</summary>
    public string PoolId => _owner.Pool.Id;

    /// <summary>How the new engine's start ended: ready (with its pid and endpoint), or why not.</summary>
    public EngineStartResult Start { get; internal set; } = EngineStartResult.Failed(null, Crashes.CrashReason.StartupFailure, "not started yet");

    /// <summary>The old engine's process id.</summary>
    public int? OldPid => Old.Process?.Pid;

    /// <summary>True once new leases go to the new engine.</summary>
    public bool Switched => Volatile.Read(ref _oldLeases) is not null;

    /// <summary>Leases still held on the old engine (0 before the switch).</summary>
    public int OldActiveLeases => Volatile.Read(ref _oldLeases)?.Active ?? 0;

    /// <summary>Completed when the last lease held on the old engine is released (after the switch; no polling).</summary>
    public Task OldLeasesFinished => Volatile.Read(ref _oldLeases)?.WhenIdle() ?? throw new InvalidOperationException($"the surge of pool {PoolId} has not switched");

    /// <summary>Completed when the old engine's process has ended, whatever ended it.</summary>
    public Task OldEngineEnded => Old.Process?.Exited ?? Task.CompletedTask;

    /// <summary>Completed when the new engine's process has ended, whatever ended it.</summary>
    public Task NewEngineEnded => Candidate.Process?.Exited ?? Task.CompletedTask;

    /// <summary>
    /// Completed, with the reason, when the new engine ended after the switch while the old one still ran: the pool then
    /// serves on the old engine again (its leases go to it) and the surge is over.
    /// </summary>
    public Task<string> NewEngineFailed => _newEngineFailed.Task;

    internal EngineRun Candidate { get; }

    internal EngineRun Old { get; }

    internal EngineLeases? OldLeases
    {
        get => Volatile.Read(ref _oldLeases);
        set => Volatile.Write(ref _oldLeases, value);
    }

    /// <summary>
    /// New leases go to the new engine from now on; the old engine's leases finish there. False, with the reason, when
    /// the new engine is not ready or has ended, the old one has ended, or the pool is not ready (a drain began, the old
    /// engine crashed): nothing changed then.
    /// </summary>
    public bool TrySwitch(out string? refusal) => _owner.TrySwitch(this, out refusal);

    /// <summary>
    /// Ends the surge: the new engine is the pool's, supervised as any, and the old engine stops, gracefully (SIGTERM,
    /// SIGKILL after the grace period or when <paramref name="cancellationToken"/> is cancelled) or at once when
    /// <paramref name="force"/>. Null when the old engine was gone already (stopped with the pool, or handed the pool back).
    /// </summary>
    public Task<EngineExit?> StopOldAsync(bool force, CancellationToken cancellationToken = default) => _owner.StopOldAsync(this, force, cancellationToken);

    /// <summary>Gives the surge up: the new engine is killed and, after a switch, the old one serves again. Safe to call twice.</summary>
    public Task AbortAsync() => _owner.AbortSurgeAsync(this);

    internal void NewEngineEndedWith(string reason) => _newEngineFailed.TrySetResult(reason);
}
