using Reqnroll;
using FluentAssertions;
using Steps.Drivers;

namespace Steps.Contexts;

/// <summary>Child contexts: making them, their family ties, faults and metadata.</summary>
[Binding]
public sealed class ChildContextSteps(ContextDriver contexts)
{
    [Given("a child context {word} of {word} with a budget of {size}")]
    public void GivenAChild(string child, string parent, ByteCount budget) => contexts.CreateChild(parent, child, budget.Bytes);

    [Given("a child context {word} of {word} with a budget of {size}, {int} concurrent request(s) and {total}")]
    public void GivenAChildWithLimits(string child, string parent, ByteCount budget, int concurrent, RequestLimit total) =>
        contexts.CreateChild(parent, child, budget.Bytes, concurrent, total.Total);

    [When("tenant {word} makes a child context {word} of {word} with a budget of {size}")]
    public void WhenTenantMakesAChild(string tenant, string child, string parent, ByteCount budget)
    {
        contexts.ContextOf(tenant, parent);
        contexts.CreateChild(parent, child, budget.Bytes);
    }

    [Given("child contexts {word} and {word} of {word} with a budget of {size} each")]
    public void GivenTwoChildren(string first, string second, string parent, ByteCount budget)
    {
        contexts.CreateChild(parent, first, budget.Bytes);
        contexts.CreateChild(parent, second, budget.Bytes);
    }

    [When("tenant {word} attempts to make a child context {word} of {word} with a budget of {size}")]
    public void WhenTenantAttemptsToMakeAChild(string tenant, string child, string parent, ByteCount budget)
    {
        contexts.ContextOf(tenant, parent);
        contexts.AttemptCreateChild(parent, child, budget.Bytes);
    }

    [When("tenant {word} attempts to make a child context {word} of {word} with a budget of {size} and {total}")]
    public void WhenTenantAttemptsToMakeAChildWithATotal(string tenant, string child, string parent, ByteCount budget, RequestLimit total)
    {
        contexts.ContextOf(tenant, parent);
        contexts.AttemptCreateChild(parent, child, budget.Bytes, total.Total);
    }

    [Given("{word} carries the metadata {word} {word}")]
    public void GivenCarriesTheMetadata(string name, string key, string value) => contexts.Context(name).SetMetadata(key, value);

    [When("tenant {word} sets the metadata {word} to {word} on {word}")]
    public void WhenTenantSetsTheMetadata(string tenant, string key, string value, string name) =>
        contexts.ContextOf(tenant, name).SetMetadata(key, value);

    [Then("{word} carries the metadata {word} {word}")]
    public void ThenCarriesTheMetadata(string name, string key, string value) =>
        contexts.Context(name).Metadata.Should().Contain(key, value, $"{name} should carry {key} = {value}");

    [Then("the audit chain of {word} is {ids}")]
    public void ThenTheAuditChainIs(string name, ContextIds chain) =>
        contexts.Context(name).ParentChain.Should().Equal(chain.Ids, $"the audit chain of {name} should list its ancestors, root first");

    [Then("{word} has seen the fault {string} of {word}")]
    public void ThenHasSeenTheFault(string parent, string message, string child) =>
        contexts.Context(parent).ChildFaults.Should().ContainSingle($"{parent} should have seen one child fault")
            .Which.Should().BeEquivalentTo(new { ContextId = contexts.Context(child).Id, Message = message }, $"{parent} should have seen the fault of {child}");
}
