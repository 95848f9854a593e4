using FluentAssertions;
using Runtime.ExecutionContexts.Budgets;
using Xunit;

namespace Runtime.Tests.ExecutionContexts.Budgets;

/// <summary>Rules found unpinned by mutation testing (docs/mutation.md): bad input, what a release may take, and how refusals read.</summary>
public sealed class ResourceBudgetRulesTests
{
    private readonly ResourceBudget _budget = new("acme/llama-7b-v1#1", new BudgetLimits(1000, concurrentRequests: 2, totalRequests: 3));

    [Fact]
    public void Constructor_NullOwnerOrLimits_IsRefused()
    {
        FluentActions.Invoking(() => new ResourceBudget(null!, new BudgetLimits(1))).Should()
            .Throw<ArgumentNullException>().WithParameterName("owner");
        FluentActions.Invoking(() => new ResourceBudget("a", null!)).Should()
            .Throw<ArgumentNullException>().WithParameterName("limits");
    }

    [Fact]
    public void Release_NegativeBytes_IsRefused() =>
        FluentActions.Invoking(() => _budget.Release(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("bytes");

    [Fact]
    public void TryBeginRequest_NegativeMemory_IsRefused() =>
        FluentActions.Invoking(() => _budget.TryBeginRequest(-1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("memoryBytes");

    [Fact]
    public void Release_PartOfTwoAllocations_GivesBackThatPartOnly()
    {
        _budget.TryAllocate(200);
        _budget.TryAllocate(200);

        _budget.Release(100);

        _budget.BytesInUse.Should().Be(300);
    }

    [Fact]
    public void Release_AfterEverythingWasGivenBack_NeverTakesARunningRequestsMemory()
    {
        _budget.TryAllocate(100);
        _budget.Release(100);
        _budget.TryBeginRequest(50).IsGranted.Should().BeTrue();

        _budget.Release(100);

        _budget.BytesInUse.Should().Be(50, "the running request's memory is its own until it ends");
    }

    [Fact]
    public void TotalRequestsAvailable_CountsDown()
    {
        _budget.TotalRequestsAvailable.Should().Be(3);

        _budget.TryBeginRequest(0);

        _budget.TotalRequestsAvailable.Should().Be(2);
    }

    [Fact]
    public void Refusals_ReadAsSentences()
    {
        _budget.TryBeginRequest(0);
        _budget.TryBeginRequest(0);
        var concurrent = _budget.TryBeginRequest(0);
        _budget.EndRequest(0);
        _budget.EndRequest(0);
        _budget.TryBeginRequest(0);
        _budget.EndRequest(0);
        var total = _budget.TryBeginRequest(0);

        concurrent.ToString().Should().Be("acme/llama-7b-v1#1: limit of 2 concurrent requests reached");
        total.ToString().Should().Be("acme/llama-7b-v1#1: limit of 3 total requests reached");
    }

    [Fact]
    public void Granted_ReadsAsGrantedWithNoMessage()
    {
        var granted = _budget.TryAllocate(1);

        granted.ToString().Should().Be("granted");
        granted.Message.Should().BeEmpty();
    }

    [Fact]
    public void Limits_ToString_NamesAFiniteTotal() =>
        new BudgetLimits(ByteSize.MiB, 2, 3).ToString().Should().Be("1 MiB, 2 concurrent, 3 total requests");

    [Fact]
    public void Limits_NotPositive_SayWhichLimitInTheMessage()
    {
        FluentActions.Invoking(() => new BudgetLimits(1, 0)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("The concurrent request limit must be greater than zero.*");
        FluentActions.Invoking(() => new BudgetLimits(1, 1, 0)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("The total request limit must be greater than zero.*");
    }
}
