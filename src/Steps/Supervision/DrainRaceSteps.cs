using FluentAssertions;
using Reqnroll;
using Runtime.Supervision.Drain;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>Drains, reloads and lease traffic racing on one pool, round after round.</summary>
[Binding]
public sealed class DrainRaceSteps(DrainRaceDriver race, RacePools pools)
{
    [Given("{int} fresh pools, each serving llama-7b on its own engine")]
    public void FreshPools(int count) => pools.Count = count;

    [When("on each pool an operator's drain, a reload and clients taking leases start at the same moment")]
    public Task Race() => race.RunAsync();

    [Then("on all {int} pools the operator's drain either stopped the pool, completed or force-stopped, or was refused as the reload already held the pool")]
    public void DrainsRan(int count)
    {
        race.Rounds.Where(r => !r.DrainEndedAsAllowed).Select(r => r.Drain?.Describe() ?? string.Join("; ", r.Escaped.Select(e => $"{e.GetType().Name}: {e.Message}")))
            .Should().BeEmpty("every operator's drain should stop its pool, or be refused only because the reload held it");
        race.Rounds.Should().HaveCount(count, "every pool should have had its round");
        race.Rounds.Should().Contain(r => r.Drain != null, "some operator's drains should have run, not all been refused");
    }

    [Then("wherever the operator's drain was refused, the reload served the new version")]
    public void RefusedDrainsLeftTheReload() =>
        race.Rounds.Where(r => r.Drain is null).Where(r => r.Reload is not { Status: ReloadStatus.Reloaded } || r.End.State != PoolState.Ready || r.End.Spec.EngineVersion != "2.0")
            .Select(r => $"reload {r.Reload?.Error ?? r.Reload?.Status.ToString() ?? "did not run"}, pool {r.End.State} on {r.End.Spec.EngineVersion}")
            .Should().BeEmpty("a drain is refused only while the reload holds the pool, which it then serves on the new version");

    [Then("on all {int} pools the reload ran and ended reloaded, refused as the pool was draining or stopped, or failed at its drain with nothing rolled back")]
    public void ReloadsRan(int count) =>
        race.Rounds.Count(r => r.ReloadEndedAsAllowed).Should().Be(count, "every reload should run and end reloaded, refused for a draining or stopped pool, or failed at its drain; others: "
            + string.Join("; ", race.Rounds.Where(r => !r.ReloadEndedAsAllowed).Take(5).Select(r => r.Reload?.Error ?? "did not run")));

    [Then("every pool ends ready on a live engine or stopped without one")]
    public void Settled() =>
        race.Rounds.Where(r => !r.Settled).Select(r => $"{r.End.State} (live: {r.End.Live})").Should().BeEmpty("no race may leave a pool stuck");
}
