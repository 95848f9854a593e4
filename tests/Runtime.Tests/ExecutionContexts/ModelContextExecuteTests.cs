using FluentAssertions;
using NSubstitute;
using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;
using Runtime.ExecutionContexts.Tracing;
using Xunit;

namespace Runtime.Tests.ExecutionContexts;

public sealed class ModelContextExecuteTests : IDisposable
{
    private readonly ContextTestKit _kit = new();
    private readonly ScriptedBackend _backend;
    private readonly ModelContext _context;

    public ModelContextExecuteTests()
    {
        _backend = new ScriptedBackend(_kit.Time).RespondWith("Paris");
        _context = _kit.Create("acme", memory: ByteSize.GiB, backend: _backend, concurrent: 2);
    }

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task ExecuteAsync_HealthyBackend_ReturnsTheOutputAndCounts()
    {
        var result = await _context.ExecuteAsync(new ModelRequest("capital of France?"), "acme");

        result.Should().BeEquivalentTo(new { IsSuccess = true, Output = "Paris", Error = (string?)null });
        _context.Counters.Should().Be(new ContextCounterSnapshot(1, 1, 0, 0, 0));
    }

    [Fact]
    public async Task ExecuteAsync_RequestNeedingMoreThanTheBudget_IsRefusedAndCountedAsAFailure()
    {
        var result = await _context.ExecuteAsync(new ModelRequest("long prompt", ByteSize.GiB + 1), "acme");

        result.Outcome.Should().Be(ContextOutcome.BudgetExceeded);
        result.Budget.Requested.Should().Be(ByteSize.GiB + 1);
        result.Error.Should().Be("acme/llama-7b-v1#1: memory budget of 1 GiB exceeded by a request for 1073741825 bytes with 0 bytes in use");
        _context.Counters.Should().Be(new ContextCounterSnapshot(1, 0, 1, 0, 0));
        _backend.Calls.Should().Be(0);
    }

    [Fact]
    public async Task ExecuteAsync_RequestNeedingExactlyTheBudget_SucceedsAndFreesItAfter()
    {
        var result = await _context.ExecuteAsync(new ModelRequest("long prompt", ByteSize.GiB), "acme");

        result.IsSuccess.Should().BeTrue();
        _context.Counters.Should().Be(new ContextCounterSnapshot(1, 1, 0, 0, ByteSize.GiB));
    }

    [Fact]
    public async Task ExecuteAsync_BackendErrorResult_FaultsTheContextWithoutThrowing()
    {
        _backend.FailNextCall("CUDA out of memory");

        var result = await _context.ExecuteAsync(new ModelRequest("x"), "acme");

        result.Should().BeEquivalentTo(new { Outcome = ContextOutcome.BackendFailed, Error = "acme/llama-7b-v1#1 faulted: CUDA out of memory" });
        _context.State.Should().Be(ContextState.Faulted);
        _context.Fault.Should().Be(new ContextFault(_context.Id, "CUDA out of memory", null, _kit.Time.GetUtcNow(), 1));
    }

    [Fact]
    public async Task ExecuteAsync_BackendThrows_IsContainedAndRecorded()
    {
        _backend.FailNextCall("segmentation fault", BackendFailureMode.Exception);

        var act = async () => await _context.ExecuteAsync(new ModelRequest("x"), "acme");

        (await act.Should().NotThrowAsync()).Which.Outcome.Should().Be(ContextOutcome.BackendFailed);
        _context.Fault!.ExceptionType.Should().Be(nameof(ScriptedBackendException));
    }

    [Fact]
    public async Task ExecuteAsync_BackendFaultsAsynchronously_IsContained()
    {
        _backend.RespondAfter(TimeSpan.FromSeconds(2)).FailNextCall("engine killed", BackendFailureMode.Exception);

        var pending = _context.ExecuteAsync(new ModelRequest("x"), "acme").AsTask();
        _kit.Time.Advance(TimeSpan.FromSeconds(2));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        result.Outcome.Should().Be(ContextOutcome.BackendFailed);
        _context.State.Should().Be(ContextState.Faulted);
    }

    [Fact]
    public async Task ExecuteAsync_BackendReturnsAFaultedTask_IsContained()
    {
        var backend = Substitute.For<IModelBackend>();
        backend.InvokeAsync(Arg.Any<ModelRequest>(), Arg.Any<CancellationToken>())
            .Returns(ValueTask.FromException<BackendResult>(new InvalidOperationException("driver lost")));
        var context = _kit.Create("acme", "mistral-7b", backend: backend);

        var result = await context.ExecuteAsync(new ModelRequest("x"), "acme");

        result.Error.Should().Be("acme/mistral-7b#2 faulted: driver lost");
        context.Fault!.ExceptionType.Should().Be(nameof(InvalidOperationException));
    }

    [Fact]
    public async Task ExecuteAsync_OnAFaultedContext_IsRefusedUntilReset()
    {
        _backend.FailNextCall("CUDA out of memory");
        await _context.ExecuteAsync(new ModelRequest("x"), "acme");

        var refused = await _context.ExecuteAsync(new ModelRequest("y"), "acme");
        var wasReset = _context.Reset();
        var afterReset = await _context.ExecuteAsync(new ModelRequest("z"), "acme");

        refused.Should().BeEquivalentTo(new { Outcome = ContextOutcome.ContextFaulted, Error = "acme/llama-7b-v1#1 is faulted (CUDA out of memory) until reset" });
        wasReset.Should().BeTrue();
        afterReset.IsSuccess.Should().BeTrue();
        _context.Counters.Should().Be(new ContextCounterSnapshot(3, 1, 2, 0, 0));
        _backend.Calls.Should().Be(2, "a faulted context does not call its backend");
    }

    [Fact]
    public void Reset_OnAHealthyContext_ReturnsFalse() => _context.Reset().Should().BeFalse();

    [Fact]
    public async Task ExecuteAsync_OneContextFaults_AnotherIsUntouched()
    {
        var healthy = _kit.Create("acme", "mistral-7b");
        _backend.FailAlways("weights corrupted");

        await _context.ExecuteAsync(new ModelRequest("x"), "acme");
        var result = await healthy.ExecuteAsync(new ModelRequest("x"), "acme");

        result.IsSuccess.Should().BeTrue();
        healthy.State.Should().Be(ContextState.Active);
        healthy.Counters.Should().Be(new ContextCounterSnapshot(1, 1, 0, 0, 0));
    }

    [Fact]
    public async Task ExecuteAsync_ByAnotherTenant_IsForbiddenAndLeavesNoCount()
    {
        var result = await _context.ExecuteAsync(new ModelRequest("x"), "globex");

        result.Should().BeEquivalentTo(new { Outcome = ContextOutcome.Forbidden, Error = "tenant globex may not use context acme/llama-7b-v1#1 of tenant acme" });
        _context.Counters.Requests.Should().Be(0);
        _backend.Calls.Should().Be(0);
        _kit.Traces.ReadContext(_context.Id).Select(e => e.Kind).Should().Equal(TraceEventKind.Created, TraceEventKind.Forbidden);
    }

    [Fact]
    public async Task ExecuteAsync_BeyondTheConcurrencyLimit_IsRefusedWhileTwoAreInFlight()
    {
        _backend.RespondAfter(TimeSpan.FromSeconds(1));
        var first = _context.ExecuteAsync(new ModelRequest("a"), "acme").AsTask();
        var second = _context.ExecuteAsync(new ModelRequest("b"), "acme").AsTask();

        var third = await _context.ExecuteAsync(new ModelRequest("c"), "acme");
        _kit.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        third.Budget.Exceeded.Should().Be(BudgetResource.ConcurrentRequests);
        _context.Counters.Should().Be(new ContextCounterSnapshot(3, 2, 1, 0, 0));
    }

    [Fact]
    public async Task ExecuteAsync_CancelledByTheCaller_IsNotAFault()
    {
        _backend.RespondAfter(TimeSpan.FromSeconds(5));
        using var cancel = new CancellationTokenSource();
        var pending = _context.ExecuteAsync(new ModelRequest("x"), "acme", cancel.Token).AsTask();

        await cancel.CancelAsync();
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        result.Outcome.Should().Be(ContextOutcome.Canceled);
        _context.State.Should().Be(ContextState.Active);
    }

    [Fact]
    public async Task ExecuteAsync_OnADisposedContext_IsRefused()
    {
        _context.Dispose();

        var result = await _context.ExecuteAsync(new ModelRequest("x"), "acme");

        result.Should().BeEquivalentTo(new { Outcome = ContextOutcome.Disposed, Error = "acme/llama-7b-v1#1 is disposed" });
    }

    [Fact]
    public async Task ExecuteAsync_Success_RecordsCreatedThenExecutedInTheTrace()
    {
        _kit.Time.Advance(TimeSpan.FromSeconds(7));

        await _context.ExecuteAsync(new ModelRequest("x"), "acme");

        var events = _kit.Traces.ReadContext(_context.Id);
        events.Select(e => e.Kind).Should().Equal(TraceEventKind.Created, TraceEventKind.Executed);
        events[1].Time.Should().Be(_kit.Time.GetUtcNow());
        events[1].Should().BeEquivalentTo(new { Model = "llama-7b-v1", Tenant = "acme" });
    }

    [Fact]
    public void ExecuteAsync_NoOpBackendSuccessPath_AllocatesNothing()
    {
        using var kit = new ContextTestKit();
        var context = kit.Create("acme", backend: NoOpBackend.Instance);
        var request = new ModelRequest("x", 1024);
        ExecuteSynchronously(context, request, 1_000);

        var before = GC.GetAllocatedBytesForCurrentThread();
        ExecuteSynchronously(context, request, 10_000);

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
        context.Counters.Successes.Should().Be(11_000);
    }

    private static void ExecuteSynchronously(ModelContext context, ModelRequest request, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var pending = context.ExecuteAsync(request, "acme");
            if (!pending.IsCompletedSuccessfully || !pending.Result.IsSuccess)
            {
                throw new InvalidOperationException("the no-op path must complete synchronously and succeed");
            }
        }
    }
}
