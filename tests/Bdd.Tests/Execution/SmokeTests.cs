using Bdd.Execution;
using Bdd.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Execution;

[Binding]
public sealed class SmokeSteps(IReqnrollOutputHelper output)
{
    private int _count;

    [Given("a pool with {int} slots")]
    public void GivenPool(int slots)
    {
        _count = slots;
        output.WriteLine($"slots={slots}");
    }

    [Then("it has {int} slots")]
    public void ThenSlots(int slots) => _count.Should().Be(slots);
}

public class SmokeTests
{
    [Fact]
    public async Task RunScenarioAsync_MatchingSteps_Passes()
    {
        var (result, output) = await FeatureRun.OneAsync("""
            Feature: Pools
              Scenario: Slots
                Given a pool with 3 slots
                Then it has 3 slots
            """, typeof(SmokeSteps));
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
        output.Lines.Should().Contain("slots=3");
    }
}
