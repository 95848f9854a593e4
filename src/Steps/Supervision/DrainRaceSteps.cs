using FluentAssertions;
using Reqnroll;
using Runtime.Drain;
using Runtime.Pools;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>Drains, reloads and lease traffic racing on one pool, round after round.</summary>
[Binding]
public sealed class DrainRaceSteps(DrainRaceDriver race)
{
    [Given("{int} fresh pools, each serving llama-7b on its own engine")]
    public void FreshPools(int pools) => race.Pools = pools;

    [When("on each pool an operator's drain, a reload and clients taking leases start at the same moment")]
    public Task Race() => race.RunAsync();

    [Then("on all {int} pools the operator's drain ran and ended completed or force-stopped, leaving the pool stopped")]
    public void DrainsRan(int pools)
    {
        race.Rounds.SelectMany(r => r.Escaped).Select(e => $"{e.GetType().Name}: {e.Message}").Should().BeEmpty("neither a drain nor a reload may throw, nor a drain be refused");
        race.Rounds.Count(r => r.Drain is { Status: DrainStatus.Completed or DrainStatus.ForceStopped } && r.End.State == PoolState.Stopped)
            .Should().Be(pools, "every operator's drain should run, end completed or force-stopped and stop its pool; others: "
                + string.Join("; ", race.Rounds.Where(r => r.Drain is null || r.End.State != PoolState.Stopped).Take(5).Select(r => $"drain {r.Drain?.Describe() ?? "did not run"}, pool {r.End.State}")));
    }

    [Then("on all {int} pools the reload ran and ended reloaded, refused as the pool was draining or stopped, or failed at its drain with nothing rolled back")]
    public void ReloadsRan(int pools) =>
        race.Rounds.Count(r => r.ReloadEndedAsAllowed).Should().Be(pools, "every reload should run and end reloaded, refused for a draining or stopped pool, or failed at its drain; others: "
            + string.Join("; ", race.Rounds.Where(r => !r.ReloadEndedAsAllowed).Take(5).Select(r => r.Reload?.Error ?? "did not run")));

    [Then("every pool ends ready on a live engine or stopped without one")]
    public void Settled() =>
        race.Rounds.Where(r => !r.Settled).Select(r => $"{r.End.State} (live: {r.End.Live})").Should().BeEmpty("no race may leave a pool stuck");
}
