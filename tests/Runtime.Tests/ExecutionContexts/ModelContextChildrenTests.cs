using FluentAssertions;
using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;
using Runtime.ExecutionContexts.Tracing;
using Xunit;

namespace Runtime.Tests.ExecutionContexts;

public sealed class ModelContextChildrenTests : IDisposable
{
    private readonly ContextTestKit _kit = new();
    private readonly ScriptedBackend _backend;
    private readonly ModelContext _parent;

    public ModelContextChildrenTests()
    {
        _backend = new ScriptedBackend(_kit.Time);
        _parent = _kit.Create("acme", memory: ByteSize.GiB, backend: _backend);
    }

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void CreateChild_InheritsTenantCorrelationAndParentChain()
    {
        var child = Child(256 * ByteSize.MiB);
        var grandchild = child.CreateChild("llama-7b-v1", new BudgetLimits(ByteSize.MiB)).Context!;

        child.Should().BeEquivalentTo(new { Id = "acme/llama-7b-v1#1.1", TenantId = "acme", CorrelationId = _parent.Id });
        grandchild.ParentChain.Should().Equal(_parent.Id, child.Id);
        grandchild.CorrelationId.Should().Be(_parent.Id);
    }

    [Fact]
    public void CreateChild_BiggerThanWhatTheParentHasLeft_IsRefused()
    {
        _parent.Allocate(768 * ByteSize.MiB, "acme");

        var creation = _parent.CreateChild("llama-7b-v1", new BudgetLimits(512 * ByteSize.MiB));

        creation.Should().BeEquivalentTo(new
        {
            IsCreated = false,
            Error = ContextCreationError.ParentBudgetInsufficient,
            Message = "a child budget of 512 MiB exceeds the 256 MiB acme/llama-7b-v1#1 has left",
        });
    }

    [Fact]
    public void Allocate_InAChild_CountsAgainstTheParent()
    {
        var child = Child(512 * ByteSize.MiB);

        child.Allocate(300 * ByteSize.MiB, "acme");

        _parent.Counters.BytesInUse.Should().Be(300 * ByteSize.MiB);
        _parent.Allocate(800 * ByteSize.MiB, "acme").Outcome.Should().Be(ContextOutcome.BudgetExceeded);
    }

    [Fact]
    public void Allocate_InAChildWhenTheParentIsNearlyFull_IsRefusedByTheParent()
    {
        var child = Child(512 * ByteSize.MiB);
        _parent.Allocate(900 * ByteSize.MiB, "acme");

        var result = child.Allocate(200 * ByteSize.MiB, "acme");

        result.Budget.Owner.Should().Be(_parent.Id);
        child.Counters.BytesInUse.Should().Be(0);
    }

    [Fact]
    public async Task ExecuteAsync_ChildFaults_NeitherParentNorSiblingFaultButTheParentSeesIt()
    {
        var faulty = Child(ByteSize.MiB, new ScriptedBackend(_kit.Time).FailNextCall("kernel panic"));
        var sibling = Child(ByteSize.MiB);

        await faulty.ExecuteAsync(new ModelRequest("x"), "acme");
        var siblingResult = await sibling.ExecuteAsync(new ModelRequest("x"), "acme");
        var parentResult = await _parent.ExecuteAsync(new ModelRequest("x"), "acme");

        faulty.State.Should().Be(ContextState.Faulted);
        siblingResult.IsSuccess.Should().BeTrue();
        parentResult.IsSuccess.Should().BeTrue();
        _parent.ChildFaults.Should().ContainSingle().Which.Should().BeEquivalentTo(new { ContextId = faulty.Id, Message = "kernel panic" });
    }

    [Fact]
    public async Task ExecuteAsync_GrandchildFaults_IsVisibleToEveryAncestor()
    {
        var child = Child(ByteSize.MiB);
        var grandchild = child.CreateChild("llama-7b-v1", new BudgetLimits(1024), new ScriptedBackend(_kit.Time).FailNextCall("boom")).Context!;

        await grandchild.ExecuteAsync(new ModelRequest("x"), "acme");

        child.ChildFaults.Should().ContainSingle();
        _parent.ChildFaults.Should().ContainSingle().Which.ContextId.Should().Be(grandchild.Id);
        child.State.Should().Be(ContextState.Active);
    }

    [Fact]
    public void Dispose_OfTheParent_DisposesTheChildrenAndReleasesEverything()
    {
        var child = Child(512 * ByteSize.MiB);
        var grandchild = child.CreateChild("llama-7b-v1", new BudgetLimits(ByteSize.MiB)).Context!;
        child.Allocate(100 * ByteSize.MiB, "acme");

        _parent.Dispose();

        new[] { child.State, grandchild.State }.Should().OnlyContain(s => s == ContextState.Disposed);
        _kit.Factory.LiveContexts.Should().Be(0);
        _kit.Traces.Subscriptions.Should().Be(0);
        _kit.Factory.ReservedMemoryBytes.Should().Be(0);
    }

    [Fact]
    public void Dispose_OfAChild_GivesItsMemoryBackToTheParent()
    {
        var child = Child(512 * ByteSize.MiB);
        child.Allocate(100 * ByteSize.MiB, "acme");

        child.Dispose();

        _parent.Counters.BytesInUse.Should().Be(0);
        _parent.Children.Should().BeEmpty();
    }

    [Fact]
    public void SetMetadata_OnAChild_DoesNotLeakToTheParent()
    {
        _parent.SetMetadata("region", "eu-west-1");
        var child = Child(ByteSize.MiB);

        child.SetMetadata("session", "s-42");
        child.SetMetadata("region", "us-east-1");

        _parent.TryGetMetadata("session", out _).Should().BeFalse();
        _parent.Metadata["region"].Should().Be("eu-west-1");
        child.Metadata.Should().Contain("region", "us-east-1").And.Contain("session", "s-42");
    }

    [Fact]
    public void CreateChild_DoesNotCountAgainstTheTenantLimit()
    {
        Child(ByteSize.MiB);
        Child(ByteSize.MiB);

        _kit.Factory.GetLiveContextCount("acme").Should().Be(1);
        _kit.Factory.LiveContexts.Should().Be(3);
    }

    [Fact]
    public async Task CreateChild_OfAFaultedParent_IsRefused()
    {
        _backend.FailNextCall("boom");
        await _parent.ExecuteAsync(new ModelRequest("x"), "acme");

        var creation = _parent.CreateChild("llama-7b-v1", new BudgetLimits(1024));

        creation.Error.Should().Be(ContextCreationError.ParentNotActive);
        creation.Message.Should().Be("acme/llama-7b-v1#1 is faulted and cannot make children");
    }

    [Fact]
    public void ReadCorrelation_GivesTheFamilyTrailForAudit()
    {
        var child = Child(ByteSize.MiB);

        _kit.Traces.ReadCorrelation(_parent.Id).Select(e => (e.ContextId, e.Kind)).Should().Equal(
            (_parent.Id, TraceEventKind.Created),
            (child.Id, TraceEventKind.Created),
            (_parent.Id, TraceEventKind.ChildCreated));
    }

    private ModelContext Child(long memory, IModelBackend? backend = null) =>
        _parent.CreateChild("llama-7b-v1", new BudgetLimits(memory), backend).Context ?? throw new InvalidOperationException("child refused");
}
