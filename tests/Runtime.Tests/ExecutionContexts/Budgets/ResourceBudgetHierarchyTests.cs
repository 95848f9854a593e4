using FluentAssertions;
using Runtime.ExecutionContexts.Budgets;
using Xunit;

namespace Runtime.Tests.ExecutionContexts.Budgets;

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

    [Fact]
    public void ReleaseAll_WhileAChildRequestRuns_KeepsItsMemoryInTheParentUntilItEnds()
    {
        var child = new ResourceBudget("child", new BudgetLimits(600), _parent);
        child.TryBeginRequest(300);
        child.TryAllocate(100);

        child.ReleaseAll().Should().Be(100, "only what was allocated goes back; the running request still uses its memory");

        _parent.BytesInUse.Should().Be(300);
        _parent.TryAllocate(800).IsGranted.Should().BeFalse("the parent must not hand out memory a running request uses");
        child.EndRequest(300);
        _parent.BytesInUse.Should().Be(0);
    }

    [Fact]
    public void Release_MoreThanAllocated_NeverTakesARunningRequestsMemory()
    {
        var child = new ResourceBudget("child", new BudgetLimits(600), _parent);
        child.TryBeginRequest(300);

        child.Release(300);

        _parent.BytesInUse.Should().Be(300);
    }

    [Fact]
    public async Task TryAllocate_RacingReleaseAll_LeavesNothingReservedOnceAllIsDone()
    {
        for (var round = 0; round < 200; round++)
        {
            var parent = new ResourceBudget("parent", new BudgetLimits(1_000_000));
            var child = new ResourceBudget("child", new BudgetLimits(1_000_000), parent);
            using var start = new Barrier(5);
            var allocators = Enumerable.Range(0, 4).Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    for (var i = 0; i < 100; i++)
                    {
                        child.TryAllocate(10);
                    }
                },
                CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
            start.SignalAndWait();
            child.ReleaseAll();
            await Task.WhenAll(allocators);

            parent.BytesInUse.Should().Be(0, $"round {round}: a closed budget gives back what it is given");
            child.BytesInUse.Should().Be(0);
        }
    }
}
