using Runtime.Drain;
using Runtime.Engines;
using Runtime.Pools;
using Runtime.Reload;

namespace Steps.Drivers;

/// <summary>Operator actions (drains, reloads) and the engines they act on.</summary>
public sealed partial class PoolDriver
{
    private readonly Dictionary<string, IEngineProcess> _served = new(StringComparer.Ordinal);
    private readonly List<(string Pool, string Line)> _output = [];

    /// <summary>The drains started, in order.</summary>
    public List<Task<DrainOutcome>> DrainAttempts { get; } = [];

    /// <summary>The message of the last refused drain.</summary>
    public string? DrainRefusal { get; private set; }

    /// <summary>The last reload started.</summary>
    public Task<ReloadResult>? Reload { get; private set; }

    /// <summary>The engine process that served pool <paramref name="id"/> when it was last seen ready (real processes only).</summary>
    public IEngineProcess ServedEngine(string id) => _served[id];

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
    public Task<DrainOutcome> LastDrainAsync() => DrainAttempts[^1].WaitAsync(Bound);

    /// <summary>Starts a reload of pool <paramref name="id"/> to <paramref name="target"/>; returns once it runs the new engine or has ended.</summary>
    public async Task StartReloadAsync(string id, EngineSpec target, TimeSpan drainDeadline)
    {
        var reload = Reloads.ReloadAsync(id, target, drainDeadline);
        Reload = reload;
        if (RealProcesses && Pool(id).ActiveLeases == 0)
        {
            // Time may move right after this step: the new engine (and its startup timeout) must exist first.
            await WaitUntil(() => reload.IsCompleted || Saw(id, $"serving {target.Model}"), $"the reload of pool {id} to start {target.Model}");
        }
    }

    /// <summary>The result of the last reload (bounded wait).</summary>
    public Task<ReloadResult> ReloadResultAsync() => Reload!.WaitAsync(Bound);

    /// <summary>Makes the handoff file impossible to write (its directory is a file).</summary>
    public void BreakHandoff()
    {
        Directory.Delete(HandoffDirectory, recursive: true);
        File.WriteAllText(HandoffDirectory, "not a directory");
    }

    /// <summary>Engines for <paramref name="model"/> cannot start.</summary>
    public void CannotStart(string model)
    {
        if (RealProcesses)
        {
            throw new NotSupportedException("a start failure is simulated: use a scenario without @process");
        }

        Simulated!.FailToStart(model);
    }

    /// <summary>True when pool <paramref name="id"/>'s engine wrote a line containing <paramref name="text"/>.</summary>
    public bool Saw(string id, string text)
    {
        lock (_output)
        {
            return _output.Any(o => o.Pool == id && o.Line.Contains(text, StringComparison.Ordinal));
        }
    }

    private void OnOutput(string pool, EngineOutputLine line)
    {
        lock (_output)
        {
            _output.Add((pool, line.Text));
        }

        Pulse();
    }
}
