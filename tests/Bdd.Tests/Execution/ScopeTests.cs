using Bdd.Execution;
using Bdd.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Execution;

[Binding]
public sealed class UnscopedSteps(IReqnrollOutputHelper output)
{
    [When("the engine starts")]
    public void Start() => output.WriteLine("impl: unscoped");
}

[Binding]
[Scope(Tag = "process")]
public sealed class ProcessSteps(IReqnrollOutputHelper output)
{
    [When("the engine starts")]
    public void Start() => output.WriteLine("impl: @process");

    [When("the engine starts")]
    [Scope(Tag = "process", Feature = "Scoped")]
    public void StartInFeature() => output.WriteLine("impl: @process in Scoped");

    [Then("only process scenarios see this")]
    public void OnlyProcess() => output.WriteLine("impl: process only");
}

[Binding]
public sealed class ScenarioScopedSteps(IReqnrollOutputHelper output)
{
    [When("the engine starts")]
    [Scope(Scenario = "Named scenario")]
    public void Start() => output.WriteLine("impl: scenario scoped");
}

public class ScopeTests
{
    private static string Impl(RecordingOutput output) => output.Lines.Single(l => l.StartsWith("impl: ", StringComparison.Ordinal));

    [Fact]
    public async Task Match_ScopedAndUnscoped_ScopedWinsForTaggedScenario()
    {
        var results = await FeatureRun.AllAsync("""
            Feature: Other
              @process
              Scenario: Tagged
                When the engine starts
              Scenario: Untagged
                When the engine starts
            """, typeof(UnscopedSteps), typeof(ProcessSteps));
        results.Select(r => Impl(r.Output)).Should().Equal("impl: @process", "impl: unscoped");
    }

    [Fact]
    public async Task Match_MoreScopeConditions_WinOverFewer()
    {
        var (result, output) = await FeatureRun.OneAsync("""
            Feature: Scoped
              @process
              Scenario: Tagged
                When the engine starts
            """, typeof(UnscopedSteps), typeof(ProcessSteps));
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
        Impl(output).Should().Be("impl: @process in Scoped");
    }

    [Fact]
    public async Task Match_ScenarioScope_MatchesByScenarioTitle()
    {
        var (_, output) = await FeatureRun.OneAsync("""
            Feature: Other
              Scenario: Named scenario
                When the engine starts
            """, typeof(UnscopedSteps), typeof(ScenarioScopedSteps));
        Impl(output).Should().Be("impl: scenario scoped");
    }

    [Fact]
    public async Task Match_ScopeExcludesScenario_IsUndefined()
    {
        var (result, _) = await FeatureRun.OneAsync("""
            Feature: Other
              Scenario: Untagged
                Then only process scenarios see this
            """, typeof(ProcessSteps));
        result.Status.Should().Be(ScenarioStatus.Undefined);
    }

    [Fact]
    public async Task Match_EquallySpecificScopes_AreAmbiguous()
    {
        var (result, _) = await FeatureRun.OneAsync("""
            Feature: Other
              @process
              Scenario: Named scenario
                When the engine starts
            """, typeof(ProcessSteps), typeof(ScenarioScopedSteps));
        result.Status.Should().Be(ScenarioStatus.Ambiguous);
        result.Message.Should().Contain("ProcessSteps.Start()").And.Contain("ScenarioScopedSteps.Start()");
    }
}
