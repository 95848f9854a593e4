using Reqnroll;
using FluentAssertions;
using Runtime.ExecutionContexts.Budgets;
using Steps.Drivers;

namespace Steps.Contexts;

/// <summary>Memory: allocating, releasing, what is in use, the peak and what is reserved.</summary>
[Binding]
public sealed class BudgetSteps(ContextDriver contexts)
{
    [Given("tenant {word} has allocated {size} in {word}")]
    [When("tenant {word} allocates {size} in {word}")]
    public void TenantAllocates(string tenant, ByteCount size, string name) => contexts.Allocate(tenant, name, size.Bytes);

    [When("tenant {word} attempts to allocate {size} in {word}")]
    public void WhenTenantAttemptsToAllocate(string tenant, ByteCount size, string name) => contexts.AttemptAllocate(tenant, name, size.Bytes);

    [Given("tenant {word} has released {size} from {word}")]
    [When("tenant {word} releases {size} from {word}")]
    public void WhenTenantReleases(string tenant, ByteCount size, string name) => contexts.Release(tenant, name, size.Bytes);

    [Then("{word} has {size} in use")]
    public void ThenHasInUse(string name, ByteCount size) =>
        contexts.Context(name).Counters.BytesInUse.Should().Be(size.Bytes, $"{name} should have {ByteSize.Format(size.Bytes)} in use");

    [Then("{word} has never had more than {int} requests of {size} in use at once, the most its {size} hold")]
    public void ThenNeverMoreRequestsThanFit(string name, int requests, ByteCount each, ByteCount budget)
    {
        (requests * each.Bytes).Should().BeLessThanOrEqualTo(budget.Bytes, $"{requests} requests of {each.Bytes} bytes fit in {budget.Bytes} bytes");
        ((requests + 1) * each.Bytes).Should().BeGreaterThan(budget.Bytes, $"{requests} requests of {each.Bytes} bytes should be the most {budget.Bytes} bytes hold");
        contexts.Context(name).Counters.PeakBytes.Should().BeLessThanOrEqualTo(requests * each.Bytes, $"{name} should never hold more than {requests} requests of {each.Bytes} bytes at once");
    }

    [Then("{word} has had {size} in use at its peak")]
    public void ThenHasHadAtItsPeak(string name, ByteCount size) =>
        contexts.Context(name).Counters.PeakBytes.Should().Be(size.Bytes, $"the most {name} has ever had in use should be {ByteSize.Format(size.Bytes)}");

    [Then("{word} has had at most {size} in use")]
    public void ThenHasHadAtMost(string name, ByteCount size) =>
        contexts.Context(name).Counters.PeakBytes.Should().BeLessOrEqualTo(size.Bytes, $"{name} should never have had more than {ByteSize.Format(size.Bytes)} in use");
}
