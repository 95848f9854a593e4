using Runtime.Supervision.Pools;

namespace Steps.Drivers;

/// <summary>Leases held by the scenario's clients on the scenario's pools.</summary>
public sealed class LeaseDriver(PoolDriver pools)
{
    private readonly Dictionary<string, List<Lease>> _leases = new(StringComparer.Ordinal);

    /// <summary>The last refused lease attempt's message.</summary>
    public string? LeaseRefusal { get; private set; }

    /// <summary>Acquires <paramref name="count"/> leases on pool <paramref name="id"/>.</summary>
    public void Hold(string id, int count)
    {
        for (var i = 0; i < count; i++)
        {
            LeasesOf(id).Add(pools.Registry.Acquire(id));
        }
    }

    /// <summary>Tries to acquire a lease; keeps the refusal message.</summary>
    public void AttemptLease(string id)
    {
        LeaseRefusal = null;
        try
        {
            LeasesOf(id).Add(pools.Registry.Acquire(id));
        }
        catch (LeaseRefusedException e)
        {
            LeaseRefusal = e.Message;
        }
    }

    /// <summary>Releases the oldest lease held on pool <paramref name="id"/>.</summary>
    public void ReleaseOne(string id)
    {
        var leases = LeasesOf(id);
        if (leases.Count == 0)
        {
            throw new InvalidOperationException($"the clients hold no lease on pool {id}");
        }

        leases[0].Release();
        leases.RemoveAt(0);
    }

    /// <summary>Releases every lease held on pool <paramref name="id"/>.</summary>
    public void ReleaseAll(string id)
    {
        foreach (var lease in LeasesOf(id))
        {
            lease.Release();
        }

        LeasesOf(id).Clear();
    }

    /// <summary>The leases the clients hold on pool <paramref name="id"/>, oldest first.</summary>
    public IReadOnlyList<Lease> HeldLeases(string id) => LeasesOf(id).ToList();

    /// <summary>The ids of leases the clients hold on pool <paramref name="id"/>.</summary>
    public IReadOnlyList<long> HeldLeaseIds(string id) => LeasesOf(id).Select(l => l.Id).ToList();

    private List<Lease> LeasesOf(string id)
    {
        if (!_leases.TryGetValue(id, out var leases))
        {
            leases = [];
            _leases[id] = leases;
        }

        return leases;
    }
}
