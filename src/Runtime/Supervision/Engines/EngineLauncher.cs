using System.Collections.Concurrent;

namespace Runtime.Supervision.Engines;

/// <summary>
/// Starts engines as OS child processes and tracks them: every child still running when the launcher
/// is disposed (or when this process exits normally) is killed with SIGKILL. However this process ends
/// (<c>kill -9</c> included), the kernel kills its engines (<see cref="EngineLauncherOptions.KillEnginesWithOwner"/>).
/// Children are also told this process's id in <c>ENGINE_PARENT_PID</c> and get a stdin pipe that closes
/// when this process dies, so a cooperating engine can shut down on its own first. Thread-safe.
/// </summary>
public sealed class EngineLauncher : IEngineLauncher, IDisposable
{
    private readonly EngineLauncherOptions _options;
    private readonly ConcurrentDictionary<int, EngineProcess> _children = new();
    private int _disposed;

    /// <summary>Creates a launcher; <paramref name="options"/> are validated once.</summary>
    public EngineLauncher(EngineLauncherOptions? options = null)
    {
        _options = options ?? new EngineLauncherOptions();
        _options.Validate();
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The ids of children that have not ended yet.</summary>
    public IReadOnlyCollection<int> RunningPids => _children.Keys.ToArray();

    /// <inheritdoc />
    public IEngineProcess Start(EngineLaunchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var process = EngineProcess.Start(request, _options.TimeProvider, _options.KillEnginesWithOwner, _options.OutputDrainLimit);
        _children[process.Pid] = process;
        _ = process.Exited.ContinueWith(_ => _children.TryRemove(process.Pid, out EngineProcess? _), TaskScheduler.Default);
        return process;
    }

    /// <summary>Kills every child still running and waits (bounded, real time) until they have ended.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        KillAll();
    }

    private void OnProcessExit(object? sender, EventArgs e) => KillAll();

    private void KillAll()
    {
        foreach (var (pid, child) in _children)
        {
            child.KillAndWait(_options.DisposeWait);
            if (child.HasExited)
            {
                _children.TryRemove(pid, out _);
            }
        }
    }
}
