using FluentAssertions;
using NSubstitute;
using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;
using Runtime.ExecutionContexts.Tracing;
using Xunit;

namespace Runtime.Tests.ExecutionContexts;

/// <summary>
/// Rules found unpinned by mutation testing (docs/mutation.md): every step of a context's life is in its trace, and bad
/// arguments are refused.
/// </summary>
public sealed class ContextTraceRulesTests : IDisposable
{
    private readonly ContextTestKit _kit = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task AContextsLife_IsInItsTraceStepByStep()
    {
        var backend = new ScriptedBackend(_kit.Time);
        var context = _kit.Create(memory: ByteSize.MiB, backend: backend);
        var unavailable = Substitute.For<IModelBackend>();
        unavailable.InvokeAsync(default, default).ReturnsForAnyArgs(BackendResult.Unavailable("draining"));
        var child = context.CreateChild("llama-7b-v1", new BudgetLimits(ByteSize.KiB), unavailable).Context!;

        context.Allocate(2 * ByteSize.MiB, "acme");
        await context.ExecuteAsync(new ModelRequest("hi", 2 * ByteSize.MiB), "acme");
        await child.ExecuteAsync(new ModelRequest("hi"), "acme");
        backend.FailNextCall("boom");
        await context.ExecuteAsync(new ModelRequest("hi"), "acme");
        await context.ExecuteAsync(new ModelRequest("hi"), "acme");
        context.Reset();
        child.Dispose();

        context.ReadTrace("acme").Value!.Select(e => (e.Kind, e.Value)).Should().Equal(
            (TraceEventKind.Created, 0L),
            (TraceEventKind.ChildCreated, 0L),
            (TraceEventKind.BudgetExceeded, 2 * ByteSize.MiB),
            (TraceEventKind.BudgetExceeded, 2 * ByteSize.MiB),
            (TraceEventKind.Faulted, 0L),
            (TraceEventKind.RefusedWhileFaulted, 0L),
            (TraceEventKind.Reset, 0L));
        child.ReadTrace("acme").Value!.Select(e => e.Kind).Should().EndWith([TraceEventKind.BackendUnavailable, TraceEventKind.Disposed]);
    }

    [Fact]
    public async Task AChildsFault_IsInItsParentsTrace()
    {
        var context = _kit.Create();
        var child = context.CreateChild("llama-7b-v1", new BudgetLimits(ByteSize.KiB), new ScriptedBackend(_kit.Time).FailAlways()).Context!;

        await child.ExecuteAsync(new ModelRequest("hi"), "acme");

        context.ReadTrace("acme").Value!.Select(e => e.Kind).Should().Contain(TraceEventKind.ChildFaulted);
    }

    [Fact]
    public void BadArguments_AreRefused()
    {
        var context = _kit.Create();

        FluentActions.Invoking(() => context.Allocate(-1, "acme")).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("bytes");
        FluentActions.Invoking(() => context.Release(-1, "acme")).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("bytes");
        FluentActions.Invoking(() => context.SetMetadata("k", null!)).Should().Throw<ArgumentNullException>().WithParameterName("value");
        FluentActions.Invoking(() => context.CreateChild(" ", new BudgetLimits(1))).Should().Throw<ArgumentException>().WithParameterName("modelId");
        FluentActions.Invoking(() => context.CreateChild("m", null!)).Should().Throw<ArgumentNullException>().WithParameterName("limits");
        FluentActions.Invoking(() => _kit.Factory.Create(" ", "acme", new BudgetLimits(1), new ScriptedBackend())).Should().Throw<ArgumentException>().WithParameterName("modelId");
        FluentActions.Invoking(() => _kit.Factory.Create("m", " ", new BudgetLimits(1), new ScriptedBackend())).Should().Throw<ArgumentException>().WithParameterName("tenantId");
        FluentActions.Invoking(() => _kit.Factory.Create("m", "acme", null!, new ScriptedBackend())).Should().Throw<ArgumentNullException>().WithParameterName("limits");
    }
}
