using FluentAssertions;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Xunit;
using Runtime.Common;

namespace Runtime.Tests.Supervision;

/// <summary>An engine layer other than the supervisor tells a pool what its engine did through the public seam.</summary>
public sealed class PoolEngineLayerTests
{
    private static readonly EngineSpec V1 = new("engine", ["--model", "{model}"], "llama-7b-v1", "1.0");
    private static readonly EngineSpec V2 = V1 with { Model = "llama-7b-v2" };

    [Fact]
    public async Task StartingServingAndEnded_MoveThePoolAsTheSupervisorDoes()
    {
        var registry = new PoolRegistry();
        var pool = registry.Register("gpu-0", V1);
        var layer = new OneEngine(registry);

        layer.Start("gpu-0");
        pool.State.Should().Be(PoolState.Starting);
        await layer.StartEngineAsync("gpu-0", V2);
        pool.Snapshot().Should().Match<PoolSnapshot>(s => s.State == PoolState.Ready && s.Ready && s.Pid == 4242 && s.Spec.Model == "llama-7b-v2");
        await layer.StopEngineAsync("gpu-0", force: false);
        pool.Snapshot().Should().Match<PoolSnapshot>(s => s.Pid == null && s.Endpoint == null && !s.Live);
    }

    [Fact]
    public void AMissingPoolSpecOrEndpoint_IsRefusedByName()
    {
        var pool = new PoolRegistry().Register("gpu-0", V1);
        var endpoint = new Uri("http://127.0.0.1:24242/");

        new Action(() => OneEngine.Start(null!)).Should().Throw<ArgumentNullException>().WithParameterName("pool");
        new Action(() => OneEngine.Serve(null!, V1, endpoint)).Should().Throw<ArgumentNullException>().WithParameterName("pool");
        new Action(() => OneEngine.Serve(pool, null!, endpoint)).Should().Throw<ArgumentNullException>().WithParameterName("spec");
        new Action(() => OneEngine.Serve(pool, V1, null!)).Should().Throw<ArgumentNullException>().WithParameterName("endpoint");
        new Action(() => OneEngine.End(null!)).Should().Throw<ArgumentNullException>().WithParameterName("pool");
        pool.Snapshot().State.Should().Be(PoolState.Registered, "nothing reached the pool");
    }

    private sealed class OneEngine(PoolRegistry registry) : PoolEngineLayer
    {
        public static void Start(Pool pool) => Starting(pool);

        public static void Serve(Pool pool, EngineSpec spec, Uri endpoint) => Serving(pool, spec, 4242, endpoint);

        public static void End(Pool pool) => Ended(pool);

        public void Start(string poolId) => Starting(registry.Get(poolId));

        public override Task<EngineStartResult> StartEngineAsync(string poolId, EngineSpec spec, CancellationToken cancellationToken = default)
        {
            var endpoint = new Uri("http://127.0.0.1:24242/");
            Serving(registry.Get(poolId), spec, 4242, endpoint);
            return Task.FromResult(EngineStartResult.Success(4242, endpoint));
        }

        public override Task<EngineExit?> StopEngineAsync(string poolId, bool force, CancellationToken cancellationToken = default)
        {
            Ended(registry.Get(poolId));
            return Task.FromResult<EngineExit?>(EngineExit.Exited(0));
        }

        public override void TakeOver(string poolId, string reason)
        {
        }
    }
}
