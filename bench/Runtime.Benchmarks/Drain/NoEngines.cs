using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Common;

namespace Runtime.Benchmarks.Drain;

/// <summary>An <see cref="IPoolEngines"/> that is never asked for anything: the drains here keep their engine.</summary>
internal sealed class NoEngines : IPoolEngines
{
    public Task<EngineStartResult> StartEngineAsync(string poolId, EngineSpec spec, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("benchmarks start no engine");

    public Task<EngineExit?> StopEngineAsync(string poolId, bool force, CancellationToken cancellationToken = default) =>
        Task.FromResult<EngineExit?>(null);

    public void TakeOver(string poolId, string reason) => throw new NotSupportedException("benchmarks hand nothing over");
}
