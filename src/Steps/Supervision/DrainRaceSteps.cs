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
    [When("an operator's drain, a reload and lease traffic race on a fresh pool {int} times")]
    public Task Race(int rounds) => race.RunAsync(rounds);

    [Then("no drain or reload threw anything but the drain's refusal of a pool that is not ready")]
    public void NothingEscaped() =>
        race.Rounds.SelectMany(r => r.Escaped).Select(e => $"{e.GetType().Name}: {e.Message}").Should().BeEmpty("a reload never throws for a failed step and a drain only refuses");

    [Then("every pool ends ready on a live engine or stopped without one")]
    public void Settled() =>
        race.Rounds.Where(r => !r.Settled).Select(r => $"{r.End.State} (live: {r.End.Live})").Should().BeEmpty("no race may leave a pool stuck");

    [Then("every drain that ran left its pool stopped")]
    public void DrainsStopped() =>
        race.Rounds.Where(r => r.Drain is not null && r.End.State != PoolState.Stopped)
            .Select(r => $"drain {r.Drain!.Status}, pool {r.End.State}")
            .Should().BeEmpty("an operator's drain stops the engine, whatever it joined");

    [Then("every drain that ran ended by completing or by force-stopping")]
    public void DrainsEnded() =>
        race.Rounds.Where(r => r.Drain is { Status: not (DrainStatus.Completed or DrainStatus.ForceStopped) })
            .Select(r => r.Drain!.Describe()).Should().BeEmpty("an operator's drain never times out leaving the engine running");
}
