using FluentAssertions;
using Reqnroll;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>What a reload is asked to do, checked before anything starts.</summary>
[Binding]
public sealed class ReloadInputSteps(PoolDriver pools, ReloadDriver reloads)
{
    private string? _refusal;

    [When("the operator attempts a {reloadStrategy} reload of pool {word} to a model with no name")]
    public async Task AttemptsUnnamed(ReloadStrategy strategy, string pool) =>
        _refusal = await reloads.AttemptUnnamedModelAsync(pool, strategy);

    [Then("the reload is refused before anything starts, as its model has no name, and pool {word} serves {word} on the same engine")]
    public async Task RefusedUnnamed(string pool, string model)
    {
        _refusal.Should().Be("EngineSpec.Model must not be empty", "a model with no name cannot be staged nor served");
        await reloads.Models.StagedNothingAsync();
        pools.Pool(pool).Snapshot().Should().Match<PoolSnapshot>(s => s.Ready && s.Live && s.Spec.Model == model && s.Pid == reloads.PidBefore,
            $"pool {pool} should go on serving {model} on the engine that served it before (pid {reloads.PidBefore})");
    }
}
