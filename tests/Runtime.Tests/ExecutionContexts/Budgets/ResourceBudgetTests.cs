using FluentAssertions;
using Runtime.ExecutionContexts.Budgets;
using Xunit;

namespace Runtime.Tests.ExecutionContexts.Budgets;

public sealed class ResourceBudgetTests
{
    private readonly ResourceBudget _budget = new("acme/llama-7b-v1#1", new BudgetLimits(ByteSize.GiB, concurrentRequests: 2, totalRequests: 3));

    [Fact]
    public void TryAllocate_ExactlyUpToTheLimit_IsGranted()
    {
        _budget.TryAllocate(ByteSize.GiB - 1).IsGranted.Should().BeTrue();
        _budget.TryAllocate(1).IsGranted.Should().BeTrue();

        _budget.BytesInUse.Should().Be(ByteSize.GiB);
    }

    [Fact]
    public void TryAllocate_OneByteOver_IsRefusedNamingTheLimitAndTheRequest()
    {
        var result = _budget.TryAllocate(ByteSize.GiB + 1);

        result.IsGranted.Should().BeFalse();
        result.Should().BeEquivalentTo(new { Exceeded = BudgetResource.Memory, Limit = ByteSize.GiB, Requested = ByteSize.GiB + 1, InUse = 0L, Owner = "acme/llama-7b-v1#1" });
        result.Message.Should().Be("acme/llama-7b-v1#1: memory budget of 1 GiB exceeded by a request for 1073741825 bytes with 0 bytes in use");
        _budget.BytesInUse.Should().Be(0);
    }

    [Fact]
    public void Release_AfterAFullAllocation_GivesTheMemoryBack()
    {
        _budget.TryAllocate(ByteSize.GiB);

        _budget.Release(ByteSize.GiB);

        _budget.BytesInUse.Should().Be(0);
        _budget.TryAllocate(ByteSize.GiB).IsGranted.Should().BeTrue();
        _budget.Snapshot().PeakBytes.Should().Be(ByteSize.GiB);
    }

    [Fact]
    public void Release_MoreThanInUse_StopsAtZero()
    {
        _budget.TryAllocate(100);

        _budget.Release(1000);

        _budget.BytesInUse.Should().Be(0);
    }

    [Fact]
    public void TryAllocate_NegativeBytes_Throws()
    {
        var act = () => _budget.TryAllocate(-1);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("bytes");
    }

    [Fact]
    public void TryBeginRequest_BeyondTheConcurrencyLimit_IsRefusedUntilOneEnds()
    {
        _budget.TryBeginRequest(0).IsGranted.Should().BeTrue();
        _budget.TryBeginRequest(0).IsGranted.Should().BeTrue();

        var third = _budget.TryBeginRequest(0);
        _budget.EndRequest(0);

        third.Exceeded.Should().Be(BudgetResource.ConcurrentRequests);
        third.Message.Should().Be("acme/llama-7b-v1#1: limit of 2 concurrent requests reached");
        _budget.TryBeginRequest(0).IsGranted.Should().BeTrue();
    }

    [Fact]
    public void TryBeginRequest_BeyondTheTotalLimit_IsRefusedForGood()
    {
        for (var i = 0; i < 3; i++)
        {
            _budget.TryBeginRequest(0).IsGranted.Should().BeTrue();
            _budget.EndRequest(0);
        }

        var fourth = _budget.TryBeginRequest(0);

        fourth.Exceeded.Should().Be(BudgetResource.TotalRequests);
        _budget.Snapshot().Should().Be(new BudgetSnapshot(0, 0, 0, 3));
    }

    [Fact]
    public void TryBeginRequest_MemoryRefused_UndoesTheSlots()
    {
        var refused = _budget.TryBeginRequest(ByteSize.GiB + 1);

        refused.Exceeded.Should().Be(BudgetResource.Memory);
        _budget.Snapshot().Should().Be(new BudgetSnapshot(0, 0, 0, 0));
    }

    [Fact]
    public void TryBeginRequest_WithMemory_HoldsItUntilTheRequestEnds()
    {
        _budget.TryBeginRequest(ByteSize.MiB);
        var during = _budget.BytesInUse;

        _budget.EndRequest(ByteSize.MiB);

        during.Should().Be(ByteSize.MiB);
        _budget.BytesInUse.Should().Be(0);
    }
}
