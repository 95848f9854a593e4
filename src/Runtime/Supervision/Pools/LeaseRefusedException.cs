namespace Runtime.Supervision.Pools;

/// <summary>A lease was refused: the message says why ("pool gpu-0 is draining").</summary>
public sealed class LeaseRefusedException : Exception
{
    /// <summary>Creates the exception for <paramref name="poolId"/> and <paramref name="reason"/>.</summary>
    public LeaseRefusedException(string poolId, LeaseRefusal reason)
        : base(Describe(poolId, reason))
    {
        PoolId = poolId;
        Reason = reason;
    }

    /// <summary>The pool asked for.</summary>
    public string PoolId { get; }

    /// <summary>Why the lease was refused.</summary>
    public LeaseRefusal Reason { get; }

    /// <summary>The message for a refusal: "pool gpu-0 is draining", "pool gpu-0 is not ready", "pool gpu-9 is not registered".</summary>
    public static string Describe(string poolId, LeaseRefusal reason) => reason switch
    {
        LeaseRefusal.NotRegistered => $"pool {poolId} is not registered",
        LeaseRefusal.Draining => $"pool {poolId} is draining",
        LeaseRefusal.NotReady => $"pool {poolId} is not ready",
        LeaseRefusal.Exhausted => $"pool {poolId} has no free lease slot",
        _ => $"pool {poolId} granted the lease",
    };
}
