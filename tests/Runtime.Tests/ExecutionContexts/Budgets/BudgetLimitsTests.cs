using FluentAssertions;
using Runtime.ExecutionContexts.Budgets;
using Xunit;

namespace Runtime.Tests.ExecutionContexts.Budgets;

public sealed class BudgetLimitsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_MemoryNotPositive_IsRefusedNamingTheParameter(long bytes)
    {
        var act = () => new BudgetLimits(bytes);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("memoryBytes");
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("The memory limit must be greater than zero bytes.*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_ConcurrencyNotPositive_IsRefusedNamingTheParameter(int concurrent)
    {
        var act = () => new BudgetLimits(1024, concurrent);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("concurrentRequests");
    }

    [Fact]
    public void Constructor_TotalRequestsZero_IsRefusedNamingTheParameter()
    {
        var act = () => new BudgetLimits(1024, 4, 0);

        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("totalRequests");
    }

    [Fact]
    public void Constructor_OnlyMemory_UsesTheDefaults()
    {
        var limits = new BudgetLimits(ByteSize.GiB);

        limits.Should().BeEquivalentTo(new { MemoryBytes = ByteSize.GiB, ConcurrentRequests = BudgetDefaults.ConcurrentRequests, TotalRequests = long.MaxValue });
        limits.ToString().Should().Be("1 GiB, 64 concurrent, unlimited total requests");
    }
}
