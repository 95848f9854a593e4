using System.Collections.Concurrent;
using Runtime.Supervision.Pools;

namespace ManagerHost.Service;

/// <summary>Leases taken over the API, held by the manager until released over the API (or abandoned by a drain).</summary>
internal sealed class ApiLeases
{
    private readonly ConcurrentDictionary<(string Pool, long Id), Lease> _held = new();

    public void Hold(Lease lease) => _held[(lease.PoolId!, lease.Id)] = lease;

    /// <summary>Releases the lease; false when the API holds no such lease.</summary>
    public bool Release(string pool, long id) => _held.TryRemove((pool, id), out var lease) && lease.Release();
}
