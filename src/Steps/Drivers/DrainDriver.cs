using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;

namespace Steps.Drivers;

/// <summary>
/// The operator's drains of the scenario's pools: started (stopping or keeping the engine), refused, cancelled, and how
/// they ended. Each drain can be cancelled by the operator: it is started with a token of its own.
/// </summary>
public sealed class DrainDriver(PoolDriver pools) : IDisposable
{
    private readonly List<(string Pool, CancellationTokenSource Cancel, Task<DrainOutcome> Drain)> _started = [];
    private readonly Dictionary<string, int?> _engineAtStart = new(StringComparer.Ordinal);

    /// <summary>The drains started, in order.</summary>
    public List<Task<DrainOutcome>> DrainAttempts { get; } = [];

    /// <summary>The message of the last refused drain.</summary>
    public string? DrainRefusal => Refusal?.Message;

    /// <summary>The last refused drain's exception.</summary>
    public Exception? Refusal { get; private set; }

    /// <summary>Starts draining pool <paramref name="id"/>; remembers the engine that served it then.</summary>
    public void Drain(string id, TimeSpan deadline, DrainMode mode = DrainMode.StopEngine)
    {
        // Read before the drain starts (an unknown pool is left to the drain to refuse).
        var pid = pools.Registry.TryGet(id, out var pool) ? pool.Snapshot().Pid : null;
        var cancel = new CancellationTokenSource();
        try
        {
            var drain = pools.Drains.DrainAsync(id, deadline, mode, cancellationToken: cancel.Token);
            _started.Add((id, cancel, drain));
            DrainAttempts.Add(drain);
            _engineAtStart.TryAdd(id, pid);
        }
        catch
        {
            cancel.Dispose();
            throw;
        }
    }

    /// <summary>Tries to drain pool <paramref name="id"/>; keeps the refusal.</summary>
    public void AttemptDrain(string id, TimeSpan deadline, DrainMode mode = DrainMode.StopEngine)
    {
        Refusal = null;
        try
        {
            Drain(id, deadline, mode);
        }
        catch (Exception e) when (e is PoolNotRegisteredException or InvalidOperationException or ArgumentOutOfRangeException or ObjectDisposedException)
        {
            Refusal = e;
        }
    }

    /// <summary>The runtime shuts its drains down, as the manager does when it stops: the drains under way end cancelled.</summary>
    public void ShutDown() => pools.Drains.Dispose();

    /// <summary>The operator cancels the last drain of pool <paramref name="id"/>; returns once that drain has ended.</summary>
    public async Task CancelAsync(string id)
    {
        var (_, cancel, drain) = _started.FindLast(s => s.Pool == id);
        if (drain is null)
        {
            throw new InvalidOperationException($"no drain of pool {id} was started in this scenario");
        }

        await cancel.CancelAsync();
        await EndOfAsync(drain);
    }

    /// <summary>The outcome of the last drain (bounded wait).</summary>
    public Task<DrainOutcome> LastDrainAsync() => PoolDriver.Within(Last, "the drain");

    /// <summary>Waits until the last drain has ended, however it ended (bounded wait); returns it.</summary>
    public async Task<Task<DrainOutcome>> LastDrainEndedAsync()
    {
        await EndOfAsync(Last);
        return Last;
    }

    /// <summary>The process id of the engine that served pool <paramref name="id"/> when the operator first drained it.</summary>
    public int? EngineAtStart(string id) =>
        _engineAtStart.TryGetValue(id, out var pid) ? pid : throw new InvalidOperationException($"no drain of pool {id} was started in this scenario");

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var (_, cancel, _) in _started)
        {
            cancel.Dispose();
        }
    }

    private Task<DrainOutcome> Last =>
        DrainAttempts.Count == 0 ? throw new InvalidOperationException("no drain was started in this scenario") : DrainAttempts[^1];

    private static async Task EndOfAsync(Task<DrainOutcome> drain)
    {
        try
        {
            await PoolDriver.Within(drain, "the drain");
        }
        catch (OperationCanceledException)
        {
        }
    }
}
