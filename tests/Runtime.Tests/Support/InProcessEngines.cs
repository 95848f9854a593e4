using Runtime.Supervision.Engines;

namespace Runtime.Tests.Support;

/// <summary>
/// A launcher of engines without processes: each one listens at once on a shared healthy loopback endpoint, ends when it
/// is stopped, killed or <see cref="InProcessEngine.Crash"/>ed, and has a pid of its own (never a real process's).
/// For tests that start many engines quickly; real processes are the engine tests' business.
/// </summary>
internal sealed class InProcessEngines(Uri endpoint) : IEngineLauncher
{
    private int _nextPid = 1_000_000;

    public IEngineProcess Start(EngineLaunchRequest request) => new InProcessEngine(Interlocked.Increment(ref _nextPid), endpoint);
}

/// <summary>One in-process engine (see <see cref="InProcessEngines"/>).</summary>
internal sealed class InProcessEngine(int pid, Uri endpoint) : IEngineProcess
{
    private readonly TaskCompletionSource<EngineExit> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Pid { get; } = pid;

    public DateTimeOffset StartedAt { get; } = TestClock.Start;

    public Task<Uri> Listening { get; } = Task.FromResult(endpoint);

    public Task<EngineExit> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Dies by SIGSEGV, as a crashing engine does; false when it had ended already.</summary>
    public bool Crash() => Signal(Signals.SIGSEGV);

    public bool WriteLine(string line) => false;

    public bool Signal(int signal) => _exited.TrySetResult(EngineExit.Killed(signal));

    public Task<EngineExit> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        _exited.TrySetResult(EngineExit.Exited(0));
        return _exited.Task;
    }

    public ValueTask DisposeAsync()
    {
        Signal(Signals.SIGKILL);
        return ValueTask.CompletedTask;
    }
}
