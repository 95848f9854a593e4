using Bdd.Execution;
using Bdd.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Execution;

[Binding]
public sealed class KeywordSteps(IReqnrollOutputHelper output)
{
    [Given("the pool is ready")]
    public void GivenReady() => output.WriteLine("given: ready");

    [When("the pool drains")]
    public void WhenDrains() => output.WriteLine("when: drains");

    [Then("the pool is empty")]
    public void ThenEmpty() => output.WriteLine("then: empty");

    [StepDefinition("the clock moves")]
    public void AnyClock() => output.WriteLine("any: clock");
}

public class KeywordMatchingTests
{
    [Fact]
    public async Task RunScenarioAsync_AndBut_TakeThePreviousStepsType()
    {
        var (result, output) = await FeatureRun.OneAsync("""
            Feature: Keywords
              Scenario: Conjunctions
                Given the clock moves
                And the pool is ready
                When the pool drains
                Then the pool is empty
                But the clock moves
            """, typeof(KeywordSteps));
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
        output.Lines.Where(l => l.Contains(": ") && !l.StartsWith("->", StringComparison.Ordinal)).Should().Equal("any: clock", "given: ready", "when: drains", "then: empty", "any: clock");
    }

    [Fact]
    public async Task RunScenarioAsync_GivenBindingForWhenStep_IsUndefinedWithAHint()
    {
        var (result, _) = await FeatureRun.OneAsync("""
            Feature: Keywords
              Scenario: Wrong keyword
                When the pool is ready
            """, typeof(KeywordSteps));
        result.Status.Should().Be(ScenarioStatus.Undefined);
        result.Message.Should().Contain("[When(\"the pool is ready\")]");
        result.Message.Should().Contain("KeywordSteps.GivenReady() [Given(\"the pool is ready\")]");
    }

    [Fact]
    public async Task RunScenarioAsync_AndAfterThen_DoesNotMatchGivenBinding()
    {
        var (result, _) = await FeatureRun.OneAsync("""
            Feature: Keywords
              Scenario: And after Then
                Then the pool is empty
                And the pool is ready
            """, typeof(KeywordSteps));
        result.Status.Should().Be(ScenarioStatus.Undefined);
        result.Steps[1].Status.Should().Be(ScenarioStatus.Undefined);
    }

    [Fact]
    public async Task RunScenarioAsync_AsteriskStep_TakesPreviousTypeOrGivenFirst()
    {
        var (result, output) = await FeatureRun.OneAsync("""
            Feature: Keywords
              Scenario: Asterisks
                * the pool is ready
                When the pool drains
                * the pool drains
            """, typeof(KeywordSteps));
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
        output.Lines.Where(l => l.Contains(": ") && !l.StartsWith("->", StringComparison.Ordinal)).Should().Equal("given: ready", "when: drains", "when: drains");
    }
}
