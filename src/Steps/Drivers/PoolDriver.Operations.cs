using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Supervision;

namespace Steps.Drivers;

/// <summary>Operator actions (drains, reloads) and the engines they act on.</summary>
public sealed partial class PoolDriver
{
    private readonly Dictionary<string, IEngineProcess> _served = new(StringComparer.Ordinal);
    private readonly List<(string Pool, string Line)> _output = [];
    private readonly List<PoolSnapshot> _history = [];

    /// <summary>The drains started, in order.</summary>
    public List<Task<DrainOutcome>> DrainAttempts { get; } = [];

    /// <summary>The message of the last refused drain.</summary>
    public string? DrainRefusal { get; private set; }

    /// <summary>The last reload started.</summary>
    public Task<ReloadResult>? Reload { get; private set; }

    /// <summary>The engine process that served pool <paramref name="id"/> when it was last seen ready (real processes only).</summary>
    public IEngineProcess ServedEngine(string id) => _served[id];

    /// <summary>How the engine that served pool <paramref name="id"/> ended; null while it still runs after the safety bound.</summary>
    public async Task<EngineExit?> ExitOfServedEngineAsync(string id)
    {
        try
        {
            return await ServedEngine(id).Exited.WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            // Still running: the Then step says so in the domain's words.
            return null;
        }
    }

    /// <summary>Remembers the engine now serving pool <paramref name="id"/>.</summary>
    public void RememberEngine(string id)
    {
        if (Supervisor?.EngineOf(id) is { } engine)
        {
            _served[id] = engine;
        }
    }

    /// <summary>Starts draining pool <paramref name="id"/>.</summary>
    public void Drain(string id, TimeSpan deadline) => DrainAttempts.Add(Drains.DrainAsync(id, deadline));

    /// <summary>Tries to drain pool <paramref name="id"/>; keeps the refusal message.</summary>
    public void AttemptDrain(string id, TimeSpan deadline)
    {
        DrainRefusal = null;
        try
        {
            Drain(id, deadline);
        }
        catch (Exception e) when (e is PoolNotRegisteredException or InvalidOperationException)
        {
            DrainRefusal = e.Message;
        }
    }

    /// <summary>The outcome of the last drain (bounded wait).</summary>
    public Task<DrainOutcome> LastDrainAsync() =>
        DrainAttempts.Count == 0 ? throw new InvalidOperationException("no drain was started in this scenario") : Within(DrainAttempts[^1], "the drain");

    /// <summary>Starts a reload of pool <paramref name="id"/> to <paramref name="target"/>; returns once it runs the new engine or has ended.</summary>
    public async Task StartReloadAsync(string id, EngineSpec target, TimeSpan drainDeadline, ReloadStrategy strategy = ReloadStrategy.DrainFirst)
    {
        var reload = Reloads.ReloadAsync(id, target, drainDeadline, strategy: strategy);
        Reload = reload;
        _ = reload.ContinueWith(_ => Pulse(), TaskScheduler.Default);
        if (RealProcesses && (strategy == ReloadStrategy.Surge || Pool(id).ActiveLeases == 0))
        {
            // Time may move right after this step: the new engine (and its startup timeout) must exist first.
            await WaitUntil(() => reload.IsCompleted || Saw(id, $"serving {target.Model}"), $"the reload of pool {id} to start {target.Model}");
        }
    }

    /// <summary>The result of the last reload (bounded wait).</summary>
    public Task<ReloadResult> ReloadResultAsync() =>
        Reload is null ? throw new InvalidOperationException("no reload was started in this scenario") : Within(Reload, "the reload");

    /// <summary>Makes the handoff file impossible to write (its directory is a file).</summary>
    public void BreakHandoff()
    {
        Directory.Delete(HandoffDirectory, recursive: true);
        File.WriteAllText(HandoffDirectory, "not a directory");
    }

    /// <summary>
    /// Engines for <paramref name="model"/> cannot start: real ones find no model file to load and exit with
    /// code 1 before they listen; simulated ones fail without a process.
    /// </summary>
    public void CannotStart(string model)
    {
        if (RealProcesses)
        {
            _processes.MakeUnloadable(model);
        }
        else
        {
            Simulated!.FailToStart(model);
        }
    }

    /// <summary>
    /// The engine processes started in the scenario, other than <paramref name="servingPid"/>, that still run
    /// once each has had the safety bound to end (an engine being killed takes a moment to be reaped).
    /// </summary>
    public async Task<IReadOnlyList<string>> OtherEnginesRunningAsync(int? servingPid)
    {
        var others = _processes.Started.Where(s => s.Process.Pid != servingPid).ToList();
        try
        {
            await Task.WhenAll(others.Select(s => s.Process.Exited)).WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
        }

        return others.Where(s => !s.Process.HasExited).Select(s => $"{s.Model} (pid {s.Process.Pid})").ToList();
    }

    /// <summary>Every state pool <paramref name="id"/> went through since the scenario started, with its last error then.</summary>
    public IReadOnlyList<PoolSnapshot> History(string id)
    {
        lock (_history)
        {
            return _history.Where(s => s.Id == id).ToList();
        }
    }

    /// <summary>True when pool <paramref name="id"/>'s engine wrote a line containing <paramref name="text"/>.</summary>
    public bool Saw(string id, string text)
    {
        lock (_output)
        {
            return _output.Any(o => o.Pool == id && o.Line.Contains(text, StringComparison.Ordinal));
        }
    }

    private static async Task<T> Within<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Bound);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{what} did not end within {Bound.TotalSeconds} s", e);
        }
    }

    private void OnOutput(object? sender, PoolEngineOutput output)
    {
        lock (_output)
        {
            _output.Add((output.PoolId, output.Text));
        }

        Pulse();
    }
}
