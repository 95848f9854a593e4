using FluentAssertions;
using Reqnroll;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>Two operators reloading one pool at the same moment, round after round.</summary>
[Binding]
public sealed class ReloadRaceSteps(ReloadRaceDriver race, RacePools pools)
{
    [When("on each pool two operators start reloads to engine versions 2.0 and 3.0 at the same moment")]
    public Task Race() => race.RunAsync();

    [Then("on every pool one reload served its version while the other was refused as the pool was reloading or draining, or both ran one after the other")]
    public void OneAtATime()
    {
        race.Rounds.Should().HaveCount(pools.Count, "every pool should have had its round");
        race.Rounds.Where(r => !r.OneAtATime).Select(r => r.Describe()).Should().BeEmpty("two reloads of one pool must never run at once");
    }

    [Then("on some pools the two reloads met, and one was refused")]
    public void Met() =>
        race.Rounds.Should().Contain(r => r.Met, "the reloads should have started together on some pools, not always one after the other");
}
