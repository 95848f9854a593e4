using Reqnroll;
using FluentAssertions;
using Runtime.ExecutionContexts;
using Steps.Drivers;
using Steps.Assertions;

namespace Steps.Contexts;

/// <summary>Making contexts, their state, reset and disposal.</summary>
[Binding]
public sealed class ContextSteps(ContextDriver contexts)
{
    [Given("a context for model {word} of tenant {word}")]
    public void GivenAContext(string model, string tenant) => contexts.Create(model, tenant);

    [Given("a context for model {word} of tenant {word} with a budget of {size}")]
    public void GivenAContextWithABudget(string model, string tenant, ByteCount budget) => contexts.Create(model, tenant, budget.Bytes);

    [Given("a context for model {word} of tenant {word} with a budget of {size} and {int} concurrent requests")]
    public void GivenAContextWithABudgetAndConcurrency(string model, string tenant, ByteCount budget, int concurrent) =>
        contexts.Create(model, tenant, budget.Bytes, concurrent);

    [Given("a context for model {word} of tenant {word} with a budget of {size}, {int} concurrent request(s) and {total}")]
    public void GivenAContextWithLimits(string model, string tenant, ByteCount budget, int concurrent, RequestLimit total) =>
        contexts.Create(model, tenant, budget.Bytes, concurrent, total.Total);

    [Given("tenant {word} has contexts for models {word} and {word}")]
    public void GivenTenantHasTwoContexts(string tenant, string first, string second)
    {
        contexts.Create(first, tenant);
        contexts.Create(second, tenant);
    }

    [Given("the {word} context has faulted with {string}")]
    public Task GivenTheContextHasFaulted(string name, string message) => contexts.FaultAsync(name, message);

    [When("tenant {word} attempts to create a context for model {word}")]
    public void WhenTenantAttemptsToCreate(string tenant, string model) => contexts.AttemptCreate(model, tenant);

    [When("tenant {word} attempts to create a context for model {word} with a budget of {size}, {int} concurrent request(s) and {total}")]
    public void WhenTenantAttemptsToCreateWithLimits(string tenant, string model, ByteCount budget, int concurrent, RequestLimit total) =>
        contexts.AttemptCreate(model, tenant, budget.Bytes, concurrent, total.Total);

    [When("tenant {word} attempts to create a context for model {word} without a backend")]
    public void WhenTenantAttemptsToCreateWithoutABackend(string tenant, string model) => contexts.AttemptCreate(model, tenant, withBackend: false);

    [When("an operator attempts to create a context for model {string} of tenant {string}")]
    public void WhenAnOperatorAttemptsToCreate(string model, string tenant) => contexts.AttemptCreate(model, tenant);

    [When("the operator resets the {word} context")]
    public void WhenTheOperatorResets(string name) => contexts.Reset(name);

    [When("tenant {word} disposes the {word} context")]
    public void WhenTenantDisposes(string tenant, string name) => contexts.ContextOf(tenant, name).Dispose();

    [Then("the {word} context is {ContextState}")]
    public async Task ThenTheContextIs(string name, ContextState state)
    {
        await contexts.WaitForStartedAsync();
        contexts.Context(name).State.Should().Be(state, $"context {name} should be {state.ToString().ToLowerInvariant()}");
    }

    [Then("the {word} and {word} contexts are {ContextState}")]
    public async Task ThenTheContextsAre(string first, string second, ContextState state)
    {
        await contexts.WaitForStartedAsync();
        contexts.Context(first).State.Should().Be(state, $"context {first} should be {state.ToString().ToLowerInvariant()}");
        contexts.Context(second).State.Should().Be(state, $"context {second} should be {state.ToString().ToLowerInvariant()}");
    }

    [Then("the {word} context is faulted with {string}")]
    public async Task ThenTheContextIsFaultedWith(string name, string message)
    {
        await contexts.WaitForStartedAsync();
        var context = contexts.Context(name);
        context.State.Should().Be(ContextState.Faulted, $"context {name} should be faulted");
        context.Fault.Should().NotBeNull($"context {name} should keep the fault that stopped it");
        context.Fault!.Message.ShouldRead(message, $"context {name} should keep the fault that stopped it");
    }

    [Then("the limits of {word} read {string}")]
    public void ThenTheLimitsRead(string name, string description) =>
        contexts.Context(name).Budget.Limits.ToString().ShouldRead(description, $"the limits of {name} should be described in words");

    [Then("the {word} context belongs to tenant {word}")]
    public void ThenTheContextBelongsTo(string name, string tenant) =>
        contexts.Context(name).TenantId.Should().Be(tenant, $"context {name} should belong to tenant {tenant}");
}
