using Bdd.Generator.Tests.Support;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bdd.Generator.Tests;

public class FeatureGeneratorIncrementalTests
{
    private static readonly IncrementalStepRunReason[] Reused = [IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged];

    [Fact]
    public void Rerun_OneOfTwoFeaturesEdited_OnlyThatFeatureIsRebuilt()
    {
        var harness = new GeneratorHarness()
            .WithFile("features/supervision/drain.feature", Features.Drain)
            .WithFile("features/circuit-breaker/breaker.feature", Features.Breaker);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);
        var breaker = harness.Files[1];

        driver = driver.ReplaceAdditionalText(breaker, new InMemoryAdditionalText(breaker.Path, Features.Breaker.Replace("5 calls fail", "6 calls fail")));
        var result = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        var models = result.TrackedSteps[FeatureGenerator.Steps.FeatureModel].SelectMany(step => step.Outputs).Select(o => o.Reason).ToList();
        models.Should().HaveCount(2);
        models.Count(Reused.Contains).Should().Be(1, "the untouched drain.feature is not parsed again");
        models.Should().Contain(IncrementalStepRunReason.Modified);
        var outputs = result.TrackedSteps[FeatureGenerator.Steps.FeatureOutput].SelectMany(step => step.Outputs).Select(o => o.Reason).ToList();
        outputs.Count(Reused.Contains).Should().Be(1, "the untouched feature's source is not emitted again");
        result.TrackedSteps[FeatureGenerator.Steps.ClassRenames].SelectMany(step => step.Outputs)
            .Should().OnlyContain(o => Reused.Contains(o.Reason), "a body edit does not change class names");
    }

    [Fact]
    public void Rerun_NothingChanged_EverythingIsCached()
    {
        var harness = new GeneratorHarness()
            .WithFile("features/supervision/drain.feature", Features.Drain)
            .WithFile("features/circuit-breaker/breaker.feature", Features.Breaker);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);

        var result = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        result.TrackedSteps[FeatureGenerator.Steps.FeatureModel].SelectMany(step => step.Outputs)
            .Should().HaveCount(2).And.OnlyContain(o => Reused.Contains(o.Reason));
        result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(step => step.Outputs)
            .Should().OnlyContain(o => Reused.Contains(o.Reason));
    }

    [Fact]
    public void Rerun_FeatureTitleChanged_RegeneratesThatFeatureUnderNewName()
    {
        var harness = new GeneratorHarness()
            .WithFile("features/supervision/drain.feature", Features.Drain)
            .WithFile("features/circuit-breaker/breaker.feature", Features.Breaker);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);
        var breaker = harness.Files[1];

        driver = driver.ReplaceAdditionalText(breaker, new InMemoryAdditionalText(breaker.Path, Features.Breaker.Replace("Feature: Circuit breaker", "Feature: Breaker")));
        var run = driver.RunGenerators(compilation.Clone()).GetRunResult();

        run.Results.Single().GeneratedSources.Select(s => s.HintName).Should().Contain("Steps.Features.CircuitBreaker.BreakerFeature.g.cs")
            .And.NotContain("Steps.Features.CircuitBreaker.CircuitBreakerFeature.g.cs");
    }

    [Fact]
    public void Rerun_BrokenReqnrollJsonShiftedByABlankLine_DiagnosticMovesAndFeaturesAreReused()
    {
        const string json = "{ \"generator\": { \"addNonParallelizableMarkerForTags\": 1 } }";
        var harness = new GeneratorHarness()
            .WithFile("features/circuit-breaker/breaker.feature", Features.Breaker)
            .WithFile("reqnroll.json", json);
        var compilation = GeneratorHarness.CreateCompilation();
        var driver = harness.CreateDriver().RunGenerators(compilation);
        var reqnroll = harness.Files[1];

        driver = driver.ReplaceAdditionalText(reqnroll, new InMemoryAdditionalText(reqnroll.Path, "\n" + json));
        var result = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();

        result.Diagnostics.Should().ContainSingle().Which.Location.GetLineSpan().StartLinePosition.Line.Should().Be(1);
        result.TrackedSteps[FeatureGenerator.Steps.ConfigurationDiagnostics].SelectMany(step => step.Outputs)
            .Should().ContainSingle().Which.Reason.Should().Be(IncrementalStepRunReason.Modified);
        result.TrackedSteps[FeatureGenerator.Steps.Settings].SelectMany(step => step.Outputs)
            .Should().OnlyContain(o => Reused.Contains(o.Reason), "the settings read did not change");
        result.TrackedSteps[FeatureGenerator.Steps.FeatureOutput].SelectMany(step => step.Outputs)
            .Should().OnlyContain(o => Reused.Contains(o.Reason), "the feature is not emitted again");
    }
}
