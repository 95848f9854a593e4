using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;

namespace Steps.Drivers;

/// <summary>The operator's drains of the scenario's pools: started, refused, and how they ended.</summary>
public sealed class DrainDriver(PoolDriver pools)
{
    /// <summary>The drains started, in order.</summary>
    public List<Task<DrainOutcome>> DrainAttempts { get; } = [];

    /// <summary>The message of the last refused drain.</summary>
    public string? DrainRefusal { get; private set; }

    /// <summary>Starts draining pool <paramref name="id"/>.</summary>
    public void Drain(string id, TimeSpan deadline) => DrainAttempts.Add(pools.Drains.DrainAsync(id, deadline));

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
        DrainAttempts.Count == 0 ? throw new InvalidOperationException("no drain was started in this scenario") : PoolDriver.Within(DrainAttempts[^1], "the drain");
}
