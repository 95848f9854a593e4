namespace Runtime.Supervision.Pools;

/// <summary>An operation named a pool id that is not registered.</summary>
public sealed class PoolNotRegisteredException : Exception
{
    /// <summary>Creates the exception: "pool gpu-9 is not registered".</summary>
    public PoolNotRegisteredException(string poolId)
        : base($"pool {poolId} is not registered")
    {
        PoolId = poolId;
    }

    /// <summary>The unknown id.</summary>
    public string PoolId { get; }
}
