using FluentAssertions;
using Runtime.Budgets;
using Xunit;

namespace Runtime.Tests.Budgets;

public sealed class ResourceBudgetHierarchyTests
{
    private readonly ResourceBudget _parent = new("parent", new BudgetLimits(1000));

    [Fact]
    public void TryAllocate_InAChild_CountsAgainstTheParent()
    {
        var child = new ResourceBudget("child", new BudgetLimits(600), _parent);

        child.TryAllocate(400);

        _parent.BytesInUse.Should().Be(400);
        child.BytesInUse.Should().Be(400);
    }

    [Fact]
    public void TryAllocate_ChildWithinItsLimitButParentFull_IsRefusedByTheParentAndUndone()
    {
        var child = new ResourceBudget("child", new BudgetLimits(600), _parent);
        _parent.TryAllocate(700);

        var result = child.TryAllocate(400);

        result.Owner.Should().Be("parent");
        result.Limit.Should().Be(1000);
        child.BytesInUse.Should().Be(0);
        _parent.BytesInUse.Should().Be(700);
    }

    [Fact]
    public void ReleaseAll_InAChild_ReturnsItsUsageToTheParent()
    {
        var child = new ResourceBudget("child", new BudgetLimits(600), _parent);
        child.TryAllocate(300);
        _parent.TryAllocate(100);

        child.ReleaseAll().Should().Be(300);

        _parent.BytesInUse.Should().Be(100);
    }

    [Fact]
    public void EndRequest_AfterReleaseAll_DoesNotReleaseTheParentTwice()
    {
        var child = new ResourceBudget("child", new BudgetLimits(600), _parent);
        child.TryBeginRequest(200);
        _parent.TryAllocate(100);
        child.ReleaseAll();

        child.EndRequest(200);

        _parent.BytesInUse.Should().Be(100);
        _parent.Snapshot().ConcurrentRequests.Should().Be(0);
    }

    [Fact]
    public void TryBeginRequest_ParentRefusesConcurrency_UndoesTheChild()
    {
        var parent = new ResourceBudget("parent", new BudgetLimits(1000, concurrentRequests: 1));
        var child = new ResourceBudget("child", new BudgetLimits(500, concurrentRequests: 4), parent);
        parent.TryBeginRequest(0);

        var result = child.TryBeginRequest(50);

        result.Exceeded.Should().Be(BudgetResource.ConcurrentRequests);
        result.Owner.Should().Be("parent");
        child.Snapshot().Should().BeEquivalentTo(new { BytesInUse = 0L, ConcurrentRequests = 0, TotalRequests = 0L });
    }
}
