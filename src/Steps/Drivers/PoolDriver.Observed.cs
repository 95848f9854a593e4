using Runtime.Supervision.Drain;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Runtime.Supervision;

namespace Steps.Drivers;

/// <summary>What the scenario observed of its pools: the engine each served, every state they went through, their engines' output.</summary>
public sealed partial class PoolDriver
{
    private readonly Dictionary<string, IEngineProcess> _served = new(StringComparer.Ordinal);
    private readonly List<(string Pool, string Line)> _output = [];
    private readonly List<PoolSnapshot> _history = [];

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

    /// <summary>Waits for <paramref name="task"/> within <see cref="Bound"/>; a hang becomes a clear failure naming <paramref name="what"/>.</summary>
    internal static async Task<T> Within<T>(Task<T> task, string what)
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
