using FluentAssertions;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;
using Xunit;

namespace Runtime.Tests.ExecutionContexts;

public sealed class ModelContextAccessTests : IDisposable
{
    private readonly ContextTestKit _kit = new();
    private readonly ModelContext _context;

    public ModelContextAccessTests() => _context = _kit.Create("acme", memory: ByteSize.GiB);

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void Allocate_ExactlyTheBudget_Succeeds()
    {
        var result = _context.Allocate(ByteSize.GiB, "acme");

        result.IsSuccess.Should().BeTrue();
        _context.Counters.BytesInUse.Should().Be(ByteSize.GiB);
    }

    [Fact]
    public void Allocate_OneByteOver_IsRefusedNamingTheLimitAndTheRequest()
    {
        _context.Allocate(ByteSize.GiB, "acme");

        var result = _context.Allocate(1, "acme");

        result.Outcome.Should().Be(ContextOutcome.BudgetExceeded);
        result.Error.Should().Be("acme/llama-7b-v1#1: memory budget of 1 GiB exceeded by a request for 1 byte with 1 GiB in use");
    }

    [Fact]
    public void Release_GivesTheMemoryBackForTheNextAllocation()
    {
        _context.Allocate(ByteSize.GiB, "acme");

        _context.Release(512 * ByteSize.MiB, "acme");

        _context.Allocate(512 * ByteSize.MiB, "acme").IsSuccess.Should().BeTrue();
        _context.Counters.PeakBytes.Should().Be(ByteSize.GiB);
    }

    [Fact]
    public void Allocate_ByAnotherTenant_IsForbiddenAndReservesNothing()
    {
        var result = _context.Allocate(1024, "globex");

        result.Outcome.Should().Be(ContextOutcome.Forbidden);
        _context.Counters.BytesInUse.Should().Be(0);
    }

    [Fact]
    public void ReadCounters_ByAnotherTenant_IsForbidden()
    {
        var read = _context.ReadCounters("globex");

        read.IsGranted.Should().BeFalse();
        read.Error.Should().Be("tenant globex may not use context acme/llama-7b-v1#1 of tenant acme");
        _context.ReadCounters("acme").IsGranted.Should().BeTrue();
    }

    [Fact]
    public void ReadTrace_ByAnotherTenant_IsForbiddenButTheOwnerSeesTheAttempt()
    {
        var foreign = _context.ReadTrace("globex");

        var own = _context.ReadTrace("acme");

        foreign.Outcome.Should().Be(ContextOutcome.Forbidden);
        own.Value!.Select(e => e.Kind.ToString()).Should().Equal("Created", "Forbidden");
    }

    [Fact]
    public void SetMetadata_BlankKey_IsRefused()
    {
        var act = () => _context.SetMetadata(" ", "x");

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("key");
    }
}
