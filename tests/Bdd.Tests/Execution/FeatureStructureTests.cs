using Bdd.Configuration;
using Bdd.Execution;
using Bdd.Tests.Support;
using FluentAssertions;
using Xunit;

namespace Bdd.Tests.Execution;

public class FeatureStructureTests
{
    [Fact]
    public async Task RunScenarioAsync_BackgroundAndRuleBackground_RunFirstWithTheirOwnLines()
    {
        var results = await FeatureRun.AllAsync("""
            Feature: Structure
              Background:
                Given the pool is ready

              Rule: Draining
                Background:
                  When the pool drains

                Scenario: Empty after draining
                  Then the pool is empty
            """, typeof(KeywordSteps));
        var (result, _) = results.Single();
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
        result.Steps.Select(s => (s.Keyword, s.Text, s.Line)).Should().Equal(
            ("Given ", "the pool is ready", 3),
            ("When ", "the pool drains", 7),
            ("Then ", "the pool is empty", 10));
    }

    [Fact]
    public async Task RunScenarioAsync_OutlineRows_RunOnePickleEachByRowLine()
    {
        var runner = FeatureRun.Runner(null, typeof(ArgumentSteps));
        var feature = runner.GetFeature(new FeatureSource("features/outline.feature", """
            Feature: Outline
              Scenario Outline: Ints
                Given int <value>

                Examples:
                  | value |
                  | 1     |
                  | 2     |
            """));
        var second = new RecordingOutput();
        var result = await feature.RunScenarioAsync(2, 8, second);
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
        second.Lines.Should().Contain("int=2 (Int32)").And.NotContain("int=1 (Int32)");
    }

    [Fact]
    public async Task RunScenarioAsync_LanguageHeader_UsesTheDialectsKeywordTypes()
    {
        var (result, output) = await FeatureRun.OneAsync("""
            # language: de
            Funktionalität: Pools
              Szenario: Leeren
                Angenommen the pool is ready
                Wenn the pool drains
                Dann the pool is empty
            """, typeof(KeywordSteps));
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
        result.Steps[0].Keyword.Should().Be("Angenommen ");
        output.Lines.Should().Contain("then: empty");
    }

    [Fact]
    public async Task RunScenarioAsync_ConfiguredFeatureLanguage_IsTheDefaultDialect()
    {
        var configuration = BddConfiguration.Parse("""{ "language": { "feature": "de" } }""", "reqnroll.json");
        var runner = FeatureRun.Runner(configuration, typeof(KeywordSteps));
        var (result, _) = await FeatureRun.OneAsync(runner, """
            Funktionalität: Pools
              Szenario: Bereit
                Angenommen the pool is ready
            """);
        result.Status.Should().Be(ScenarioStatus.Passed, result.Message);
    }
}
