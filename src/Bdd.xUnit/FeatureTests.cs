using Xunit;
using Xunit.Abstractions;

namespace Bdd.xUnit;

/// <summary>
/// Base of every generated feature class: receives the feature's <see cref="FeatureFixture{TFeature}"/> (which runs
/// the feature hooks) and xUnit's output helper, and runs one scenario or outline row per generated test method.
/// </summary>
/// <typeparam name="TFeature">The generated class itself; it carries the <see cref="FeatureFileAttribute"/>.</typeparam>
public abstract class FeatureTests<TFeature> : IClassFixture<FeatureFixture<TFeature>>
    where TFeature : FeatureTests<TFeature>
{
    private readonly FeatureFixture<TFeature> _fixture;
    private readonly ITestOutputHelper _output;

    /// <summary>Called by xUnit through the generated constructor.</summary>
    protected FeatureTests(FeatureFixture<TFeature> fixture, ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(output);
        _fixture = fixture;
        _output = output;
    }

    /// <summary>Runs the plain scenario whose keyword is on <paramref name="scenarioLine"/>.</summary>
    protected Task RunScenarioAsync(int scenarioLine)
        => ScenarioExecutor.RunAsync(_fixture.Feature, scenarioLine, null, _output);

    /// <summary>Runs the Examples row on <paramref name="exampleRowLine"/> of the outline on <paramref name="scenarioLine"/>.</summary>
    protected Task RunScenarioAsync(int scenarioLine, int exampleRowLine)
        => ScenarioExecutor.RunAsync(_fixture.Feature, scenarioLine, exampleRowLine, _output);
}
