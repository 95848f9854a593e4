using CsCheck;

namespace Runtime.Tests.Properties;

/// <summary>The public calls <see cref="PoolWorld"/> makes: drains in each mode, reloads, leases, crashes, operator resets, the clock.</summary>
internal enum PoolOperationKind
{
    DrainStoppingTheEngine,
    DrainKeepingTheEngine,
    Reload,
    Lease,
    Release,
    Crash,
    ResetCircuit,
    AllowOneRestart,
    ClockMoves,
}

/// <summary>
/// One call on pool <c>gpu-{Pool}</c>, made by client <paramref name="Lane"/> (each client makes its calls in order, the
/// clients at the same time). <paramref name="Argument"/> picks the deadline, the model or how far the clock moves.
/// </summary>
internal readonly record struct PoolOperation(PoolOperationKind Kind, int Pool, int Argument, int Lane)
{
    public const int Lanes = 3;

    private static readonly Gen<PoolOperationKind> Kinds = Gen.Frequency(
        (2, PoolOperationKind.DrainStoppingTheEngine), (3, PoolOperationKind.DrainKeepingTheEngine), (2, PoolOperationKind.Reload),
        (4, PoolOperationKind.Lease), (3, PoolOperationKind.Release), (1, PoolOperationKind.Crash),
        (1, PoolOperationKind.ResetCircuit), (1, PoolOperationKind.AllowOneRestart), (3, PoolOperationKind.ClockMoves));

    /// <summary>How many pools (1 or 2) and the calls made on them.</summary>
    public static readonly Gen<(int Pools, PoolOperation[] Operations)> Sequences = Gen.Int[1, 2].SelectMany(pools =>
        Gen.Select(Kinds, Gen.Int[0, pools - 1], Gen.Int[0, 4], Gen.Int[0, Lanes - 1], (kind, pool, argument, lane) => new PoolOperation(kind, pool, argument, lane))
            .Array[1, 14].Select(operations => (pools, operations)));

    /// <summary>How far the clock moves for <see cref="PoolOperationKind.ClockMoves"/>.</summary>
    public TimeSpan Step => TimeSpan.FromSeconds(Argument switch { 0 => 1, 1 => 5, 2 => 30, 3 => 60, _ => 300 });

    /// <summary>The deadline of a drain or a reload's drain: 0 to 40 s.</summary>
    public TimeSpan Deadline => TimeSpan.FromSeconds(10 * Argument);

    public override string ToString() => Kind switch
    {
        PoolOperationKind.ClockMoves => $"[{Lane}] {Step.TotalSeconds} s pass",
        PoolOperationKind.DrainStoppingTheEngine or PoolOperationKind.DrainKeepingTheEngine or PoolOperationKind.Reload => $"[{Lane}] {Kind} gpu-{Pool} within {Deadline.TotalSeconds} s",
        _ => $"[{Lane}] {Kind} gpu-{Pool}",
    };
}
