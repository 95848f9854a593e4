using System.Reflection;
using Bdd.Execution;
using Xunit;

namespace Bdd.xUnit;

/// <summary>
/// The class fixture of a feature: it resolves the feature's <see cref="FeatureRunner"/> and runs the
/// [BeforeFeature] hooks before the feature's first scenario and the [AfterFeature] hooks after its last one
/// (xUnit creates one fixture per test class per run).
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

/// <summary>The fixture of the generated feature class <typeparamref name="TFeature"/> (see <see cref="FeatureTests{TFeature}"/>).</summary>
public sealed class FeatureFixture<TFeature> : FeatureFixture
    where TFeature : class
{
    /// <summary>Called by xUnit once per run of <typeparamref name="TFeature"/>'s tests.</summary>
    public FeatureFixture()
        : base(FeatureFileAttribute.SourceOf(typeof(TFeature)), typeof(TFeature).Assembly)
    {
    }
}
