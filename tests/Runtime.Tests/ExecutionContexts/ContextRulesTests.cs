using FluentAssertions;
using NSubstitute;
using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.ExecutionContexts;

/// <summary>
/// Rules found unpinned by mutation testing (docs/mutation.md): cancellation, tenants compared by value, the edges of a
/// child's budget and of a tenant's limit, backends that cannot be connected, inherited metadata, and texts.
/// </summary>
public sealed class ContextRulesTests : IDisposable
{
    private readonly ContextTestKit _kit = new(maxPerTenant: 1);
    private readonly RecordingLogger _logger = new();

    public void Dispose() => _kit.Dispose();

    [Fact]
    public async Task ARequestCancelledByTheCaller_IsRefusedAsCancelledAndGivesItsMemoryBack()
    {
        var backend = Substitute.For<IModelBackend>();
        backend.InvokeAsync(default, default).ReturnsForAnyArgs(c => ValueTask.FromException<BackendResult>(new OperationCanceledException(c.ArgAt<CancellationToken>(1))));
        var context = _kit.Create(backend: backend);
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var result = await context.ExecuteAsync(new ModelRequest("hi", ByteSize.KiB), "acme", cancel.Token);

        result.Should().Match<ContextResult>(r => r.Outcome == ContextOutcome.Canceled && r.Error == $"{context.Id}: request cancelled by the caller");
        context.State.Should().Be(ContextState.Active, "a cancelled request is not a fault");
        context.ReadCounters("acme").Value.Should().Match<ContextCounterSnapshot>(c => c.Failures == 1 && c.BytesInUse == 0);
    }

    [Fact]
    public async Task ABackendCancellingOnItsOwn_FaultsTheContext()
    {
        var backend = Substitute.For<IModelBackend>();
        backend.InvokeAsync(default, default).ReturnsForAnyArgs(ValueTask.FromException<BackendResult>(new OperationCanceledException("timed out inside")));
        var context = _kit.Create(backend: backend);

        var result = await context.ExecuteAsync(new ModelRequest("hi"), "acme");

        result.Outcome.Should().Be(ContextOutcome.BackendFailed, "the caller did not cancel");
        context.State.Should().Be(ContextState.Faulted);
    }

    [Fact]
    public async Task TheTenant_IsComparedByValue()
    {
        var context = _kit.Create();
        var sameTenant = string.Concat("ac", "me".AsSpan());

        (await context.ExecuteAsync(new ModelRequest("hi"), sameTenant)).IsSuccess.Should().BeTrue();
    }

    [Fact]
    public void AChild_MayTakeExactlyWhatItsParentHasLeft()
    {
        var parent = _kit.Create(memory: ByteSize.MiB);

        parent.CreateChild("llama-7b-v1", new BudgetLimits(ByteSize.MiB)).IsCreated.Should().BeTrue();
    }

    [Fact]
    public void AChildsTotalRequests_AreBoundedByItsParents()
    {
        var parent = _kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(ByteSize.MiB, 4, 10), new ScriptedBackend(_kit.Time)).Context!;

        parent.CreateChild("m", new BudgetLimits(1, 1, 10)).IsCreated.Should().BeTrue();
        parent.CreateChild("m", new BudgetLimits(1)).IsCreated.Should().BeTrue("an unlimited child still counts against its parent");
        var refused = parent.CreateChild("m", new BudgetLimits(1, 1, 11));
        refused.Error.Should().Be(ContextCreationError.ParentBudgetInsufficient);
        refused.Message.Should().Be($"a child limit of 11 total requests exceeds the 10 {parent.Id} has left");
        refused.ToString().Should().Be($"ParentBudgetInsufficient: {refused.Message}");
    }

    [Fact]
    public void ATenantAtItsLimit_IsRefusedSayingSo()
    {
        _kit.Create().ToString().Should().EndWith("(Active)");

        var refused = _kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(1), new ScriptedBackend(_kit.Time));

        refused.Message.Should().Be("tenant acme has reached its limit of 1 live contexts");
    }

    [Fact]
    public void ATenantAtItsLimit_IsRefusedBeforeABackendIsConnected()
    {
        _kit.Create();
        var connections = 0;

        var refused = _kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(1), () => { connections++; return new ScriptedBackend(_kit.Time); });

        refused.Message.Should().Be("tenant acme has reached its limit of 1 live contexts");
        connections.Should().Be(0, "no engine connection is made for a context that would be refused");
    }

    [Fact]
    public void ABackendThatCannotBeConnected_IsRefusedThenFailsFast()
    {
        using var factory = new ContextFactory(new ContextFactoryOptions { BackendFailureThreshold = 2 }, null, _kit.Time, _logger);
        var limits = new BudgetLimits(1);

        var failed = factory.Create("llama-7b-v1", "acme", limits, () => throw new IOException("connection refused"));
        var empty = factory.Create("llama-7b-v1", "acme", limits, () => null!);
        var fast = factory.Create("llama-7b-v1", "acme", limits, () => new ScriptedBackend(_kit.Time));

        failed.Message.Should().Be("the backend of llama-7b-v1 could not be connected: connection refused");
        empty.Message.Should().Be("the backend of llama-7b-v1 could not be connected: the connection gave no backend");
        fast.Message.Should().Be("the backend of llama-7b-v1 failed 2 times in a row: creations fail fast until 30 s after the last failure");
        _logger.WithEvent("backend_connect_failed").Should().HaveCount(2);
    }

    [Fact]
    public void AChild_InheritsItsParentsMetadata()
    {
        var parent = _kit.Create();
        parent.SetMetadata("trace-id", "t-1");

        var child = parent.CreateChild("llama-7b-v1", new BudgetLimits(1)).Context!;

        child.TryGetMetadata("trace-id", out var value).Should().BeTrue();
        value.Should().Be("t-1");
    }

    [Fact]
    public void ADisposedFactory_SaysSo()
    {
        _kit.Factory.Dispose();

        _kit.Factory.Create("m", "acme", new BudgetLimits(1), new ScriptedBackend()).Message.Should().Be("the context factory is disposed");
    }

    [Fact]
    public void Options_OutOfRange_SayWhatIsWrong()
    {
        FluentActions.Invoking(() => new ContextFactory(new ContextFactoryOptions { BackendFailureThreshold = 0 })).Should()
            .Throw<ArgumentOutOfRangeException>().WithMessage("At least one failed connection must be allowed before a backend's circuit opens.*");
        FluentActions.Invoking(() => new ContextFactory(new ContextFactoryOptions { BackendCoolDown = TimeSpan.Zero })).Should()
            .Throw<ArgumentOutOfRangeException>().WithMessage("The backend cool-down must be positive.*");
        FluentActions.Invoking(() => new ContextFactory(new ContextFactoryOptions { BackendCoolDown = TimeSpan.FromDays(100) })).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("ContextFactoryOptions.BackendCoolDown");
    }

    [Fact]
    public async Task Results_ReadAsSentences()
    {
        var context = _kit.Create(backend: new ScriptedBackend(_kit.Time).RespondWith("hello"));

        (await context.ExecuteAsync(new ModelRequest("hi"), "acme")).ToString().Should().Be("succeeded: hello");
        (await context.ExecuteAsync(new ModelRequest("hi"), "evil")).ToString().Should().Be($"Forbidden: tenant evil may not use context {context.Id} of tenant acme");
    }

    [Fact]
    public async Task Refusals_OfAFaultedOrDisposedContext_SayWhich()
    {
        var context = _kit.Create(backend: new ScriptedBackend(_kit.Time).FailNextCall("boom"));
        await context.ExecuteAsync(new ModelRequest("hi"), "acme");

        (await context.ExecuteAsync(new ModelRequest("hi"), "acme")).Error.Should().Be($"{context.Id} is faulted (boom) until reset");
        context.Dispose();
        context.Allocate(1, "acme").Error.Should().Be($"{context.Id} is disposed");
    }

    [Fact]
    public void ACreation_ReadsAsASentence()
    {
        var created = _kit.Factory.Create("llama-7b-v1", "acme", new BudgetLimits(1), new ScriptedBackend(_kit.Time));

        created.ToString().Should().Be($"created {created.Context!.Id}");
    }

    [Fact]
    public async Task ARequestAnsweredLater_NeverResumesOnTheCallersContext()
    {
        var context = _kit.Create(backend: new ScriptedBackend(_kit.Time).RespondAfter(TimeSpan.FromSeconds(1)));
        var caller = new CountingContext();
        ValueTask<ContextResult> pending;
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(caller);
        try
        {
            pending = context.ExecuteAsync(new ModelRequest("hi"), "acme");
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        _kit.Time.Advance(TimeSpan.FromSeconds(1));

        (await pending).IsSuccess.Should().BeTrue();
        caller.Posts.Should().Be(0, "a library that resumes on its caller's context deadlocks a caller that blocks on it");
    }
}
