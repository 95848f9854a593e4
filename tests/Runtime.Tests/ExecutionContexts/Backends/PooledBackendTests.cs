using FluentAssertions;
using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;
using Runtime.Supervision.Pools;
using Microsoft.Extensions.Time.Testing;
using Runtime.Tests.Support;
using Runtime.ExecutionContexts.Tracing;
using Xunit;

namespace Runtime.Tests.ExecutionContexts.Backends;

public sealed class PooledBackendTests : IDisposable
{
    private readonly FakeTimeProvider _time = TestClock.New();
    private readonly Pool _pool;
    private readonly ScriptedBackend _engine;
    private readonly ContextFactory _factory;
    private readonly ModelContext _context;

    public PooledBackendTests()
    {
        var registry = new PoolRegistry(new PoolRegistryOptions { MaxLeasesPerPool = 2 });
        _pool = registry.Register("gpu-0", new EngineSpec("/opt/engine/bin/serve", ["--model", "{model}"], "llama-7b-v1", "1.4.2"));
        _pool.Transition(PoolState.Starting);
        _pool.Transition(PoolState.Ready, m => m.SetEngine(4242, new Uri("http://127.0.0.1:8080/"), live: true));
        _engine = new ScriptedBackend(_time);
        _factory = new ContextFactory(traces: new TraceCollector(new TraceCollectorOptions { TimeProvider = _time }), time: _time);
        _context = _factory.Create("llama-7b-v1", "acme", new BudgetLimits(ByteSize.GiB), new PooledBackend(_pool, _engine)).Context!;
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task ExecuteAsync_OnAReadyPool_TakesAndReleasesALease()
    {
        var result = await _context.ExecuteAsync(new ModelRequest("x"), "acme");

        result.IsSuccess.Should().BeTrue();
        _pool.ActiveLeases.Should().Be(0);
        _engine.Calls.Should().Be(1);
    }

    [Fact]
    public async Task ExecuteAsync_InFlight_HoldsALeaseSoADrainWaitsForIt()
    {
        _engine.RespondAfter(TimeSpan.FromSeconds(10));
        var inFlight = _context.ExecuteAsync(new ModelRequest("x"), "acme").AsTask();
        _pool.Transition(PoolState.Draining);
        var idle = _pool.WhenIdle();
        var heldDuringDrain = _pool.ActiveLeases;

        _time.Advance(TimeSpan.FromSeconds(10));
        await idle.WaitAsync(TimeSpan.FromSeconds(10));

        heldDuringDrain.Should().Be(1);
        (await inFlight).IsSuccess.Should().BeTrue();
        _pool.ActiveLeases.Should().Be(0);
    }

    [Fact]
    public async Task ExecuteAsync_OnADrainingPool_IsRefusedWithoutFaultingTheContext()
    {
        _pool.Transition(PoolState.Draining);

        var result = await _context.ExecuteAsync(new ModelRequest("x"), "acme");

        result.Outcome.Should().Be(ContextOutcome.BackendUnavailable);
        result.Error.Should().Be("acme/llama-7b-v1#1: pool gpu-0 is draining");
        _context.State.Should().Be(ContextState.Active);
        _context.Counters.Should().Be(new ContextCounterSnapshot(1, 0, 1, 0, 0));
        _engine.Calls.Should().Be(0);
    }

    [Fact]
    public async Task ExecuteAsync_WhenEveryLeaseIsHeld_IsRefusedAsUnavailable()
    {
        _engine.RespondAfter(TimeSpan.FromSeconds(1));
        var first = _context.ExecuteAsync(new ModelRequest("a"), "acme").AsTask();
        var second = _context.ExecuteAsync(new ModelRequest("b"), "acme").AsTask();

        var third = await _context.ExecuteAsync(new ModelRequest("c"), "acme");
        _time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        third.Error.Should().Be("acme/llama-7b-v1#1: pool gpu-0 has no free lease");
        _pool.ActiveLeases.Should().Be(0);
    }

    [Fact]
    public async Task ExecuteAsync_EngineThrows_ReleasesTheLeaseAndFaultsOnlyTheContext()
    {
        _engine.FailNextCall("engine crashed", BackendFailureMode.Exception);

        var result = await _context.ExecuteAsync(new ModelRequest("x"), "acme");

        result.Outcome.Should().Be(ContextOutcome.BackendFailed);
        _pool.ActiveLeases.Should().Be(0);
        _pool.State.Should().Be(PoolState.Ready);
    }

    [Fact]
    public async Task ExecuteAsync_EngineFailsAsynchronously_ReleasesTheLease()
    {
        _engine.RespondAfter(TimeSpan.FromSeconds(2)).FailNextCall("engine killed", BackendFailureMode.Exception);

        var pending = _context.ExecuteAsync(new ModelRequest("x"), "acme").AsTask();
        _time.Advance(TimeSpan.FromSeconds(2));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        result.Outcome.Should().Be(ContextOutcome.BackendFailed);
        _pool.ActiveLeases.Should().Be(0);
    }

    [Fact]
    public void ExecuteAsync_SynchronousSuccessThroughAPool_AllocatesNothing()
    {
        var context = _factory.Create("mistral-7b", "acme", new BudgetLimits(ByteSize.GiB), new PooledBackend(_pool, NoOpBackend.Instance)).Context!;
        Execute(context, 1_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Execute(context, 10_000);

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    private static void Execute(ModelContext context, int times)
    {
        for (var i = 0; i < times; i++)
        {
            if (!context.ExecuteAsync(new ModelRequest("x"), "acme").IsCompletedSuccessfully)
            {
                throw new InvalidOperationException("a no-op engine through a pool must complete synchronously");
            }
        }
    }
}
