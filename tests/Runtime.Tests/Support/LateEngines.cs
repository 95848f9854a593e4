using Runtime.Supervision.Engines;

namespace Runtime.Tests.Support;

/// <summary>
/// A launcher of in-process engines that wait for the test: each one listens only when <see cref="LateEngine.Listen"/>
/// is called and ends only when <see cref="LateEngine.End"/> is, whatever asked it to stop. So the first await of any
/// call that waits for an engine is sure to wait.
/// </summary>
internal sealed class LateEngines : IEngineLauncher
{
    private readonly List<LateEngine> _started = [];
    private int _nextPid = 3_000_000;

    /// <summary>The engines started so far, oldest first.</summary>
    public IReadOnlyList<LateEngine> Started
    {
        get
        {
            lock (_started)
            {
                return _started.ToList();
            }
        }
    }

    public IEngineProcess Start(EngineLaunchRequest request)
    {
        var engine = new LateEngine(Interlocked.Increment(ref _nextPid));
        lock (_started)
        {
            _started.Add(engine);
        }

        return engine;
    }
}

/// <summary>One engine of <see cref="LateEngines"/>.</summary>
internal sealed class LateEngine(int pid) : IEngineProcess
{
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<EngineExit> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _stopsAsked;

    public int Pid { get; } = pid;

    public DateTimeOffset StartedAt { get; } = TestClock.Start;

    public Task<Uri> Listening => _listening.Task;

    public Task<EngineExit> Exited => _exited.Task;

    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Stops and signals asked so far; none of them ends the engine by itself.</summary>
    public int StopsAsked => Volatile.Read(ref _stopsAsked);

    /// <summary>The engine listens at <paramref name="endpoint"/> from now.</summary>
    public void Listen(Uri endpoint) => _listening.TrySetResult(endpoint);

    /// <summary>The engine ends now, with <paramref name="exit"/>.</summary>
    public void End(EngineExit exit) => _exited.TrySetResult(exit);

    public bool WriteLine(string line) => false;

    public bool Signal(int signal)
    {
        Interlocked.Increment(ref _stopsAsked);
        return !HasExited;
    }

    public Task<EngineExit> StopAsync(TimeSpan gracePeriod, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _stopsAsked);
        return _exited.Task.WaitAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        End(EngineExit.Killed(Signals.SIGKILL));
        return ValueTask.CompletedTask;
    }
}
