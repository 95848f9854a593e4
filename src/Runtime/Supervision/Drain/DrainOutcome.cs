using Runtime.Supervision.Engines;

namespace Runtime.Supervision.Drain;

/// <summary>The result of a drain.</summary>
/// <param name="PoolId">The pool drained.</param>
/// <param name="Status">How it ended.</param>
/// <param name="ActiveLeasesAtStart">Leases held when the drain began.</param>
/// <param name="AbandonedLeases">Ids of the leases still held at the deadline (empty when completed).</param>
/// <param name="Duration">From start to end, on the drain's <see cref="TimeProvider"/>.</param>
/// <param name="EngineExit">How the engine ended, when it was stopped; null otherwise.</param>
public sealed record DrainOutcome(
    string PoolId,
    DrainStatus Status,
    int ActiveLeasesAtStart,
    IReadOnlyList<long> AbandonedLeases,
    TimeSpan Duration,
    EngineExit? EngineExit)
{
    /// <summary>
    /// What the drain did with the engine: <see cref="DrainMode.StopEngine"/> when it stopped it (also when an
    /// operator's drain joined a reload's drain), <see cref="DrainMode.KeepEngine"/> when it left it running.
    /// </summary>
    public DrainMode Mode { get; init; }

    /// <summary>The correlation id every log event of this drain carries.</summary>
    public string CorrelationId { get; init; } = "";

    /// <summary>"pool gpu-0 drained in 12 s" / "pool gpu-0 drain deadline passed: 2 leases abandoned (3, 4)".</summary>
    public string Describe() => Status switch
    {
        DrainStatus.Completed => $"pool {PoolId} drained in {Duration.TotalSeconds:0.###} s",
        DrainStatus.ForceStopped => $"pool {PoolId} drain deadline passed: {AbandonedLeases.Count} leases abandoned ({string.Join(", ", AbandonedLeases)})",
        _ => $"pool {PoolId} drain timed out with {AbandonedLeases.Count} active leases",
    };
}
