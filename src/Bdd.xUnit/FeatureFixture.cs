using System.Reflection;
using Bdd.Execution;
using Xunit;

namespace Bdd.xUnit;

/// <summary>
/// Base of the class fixture the generator nests in every feature class: it resolves the feature's
/// <see cref="FeatureRunner"/> and runs the [BeforeFeature] hooks before the feature's first scenario and the
/// [AfterFeature] hooks after its last one (xUnit creates one fixture per test class per run).
/// </summary>
public abstract class FeatureFixture : IAsyncLifetime
{
    /// <summary>For the embedded <paramref name="source"/> of a feature compiled into <paramref name="testAssembly"/>.</summary>
    protected FeatureFixture(FeatureSource source, Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(testAssembly);
        Source = source;
        Feature = TestRunner.ForAssembly(testAssembly).GetFeature(source);
    }

    /// <summary>The embedded feature file.</summary>
    public FeatureSource Source { get; }

    /// <summary>The runner of this feature's scenarios.</summary>
    public FeatureRunner Feature { get; }

    /// <inheritdoc />
    public Task InitializeAsync() => Feature.BeforeFeatureAsync();

    /// <inheritdoc />
    public Task DisposeAsync() => Feature.AfterFeatureAsync();
}
