using System.Globalization;
using System.Reflection;
using Reqnroll;
using Reqnroll.Formatters.RuntimeSupport;
using Xunit;

namespace FeatureXunit;

/// <summary>
/// The class fixture of a generated feature class: the feature's <see cref="FeatureInfo"/> with its feature-level
/// Cucumber messages, and the plan of each pickle. Built once per feature class; when the class is done, it releases
/// the feature from every test runner (Reqnroll's after-feature hooks).
/// </summary>
public abstract class FeatureMessages : IAsyncLifetime
{
    private readonly Lazy<IReadOnlyList<ScenarioPlan>> _plans;
    private readonly Lazy<string?> _changed;

    /// <param name="testAssembly">The assembly with the step definitions and this feature's code-behind.</param>
    /// <param name="folderPath">The feature's project-relative folder, e.g. <c>features/supervision</c>.</param>
    /// <param name="language">The feature's language (culture name).</param>
    /// <param name="pickleCount">How many tests the code-behind has: one per pickle.</param>
    /// <param name="featurePath">The feature file on disk when the code-behind was generated.</param>
    /// <param name="messages">The embedded Source, GherkinDocument and Pickles; constructed in the test assembly.</param>
    /// <exception cref="InvalidOperationException">When the messages are missing, or their pickles are not the code-behind's:
    /// the reports would otherwise lose or mislabel the feature's scenarios without a word.</exception>
    protected FeatureMessages(Assembly testAssembly, string folderPath, string language, int pickleCount, string featurePath, IFeatureLevelCucumberMessages messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var pickles = messages.Pickles?.ToArray() ?? [];
        if (!messages.HasMessages || messages.GherkinDocument.Feature is null || pickles.Length != pickleCount)
        {
            throw new InvalidOperationException(
                $"The feature-level messages of {GetType().FullName} are missing or stale ({pickles.Length} pickles for {pickleCount} tests): " +
                "the embedded .feature.ndjson resource and the code-behind must come from the same build.");
        }

        var feature = messages.GherkinDocument.Feature;
        TestAssembly = testAssembly;
        Uri = messages.Source.Uri;
        Info = new FeatureInfo(
            new CultureInfo(language), folderPath, feature.Name, string.IsNullOrEmpty(feature.Description) ? null : feature.Description,
            ProgrammingLanguage.CSharp, feature.Tags.Select(t => t.Name.TrimStart('@')).ToArray(), messages);
        _plans = new Lazy<IReadOnlyList<ScenarioPlan>>(() => ScenarioPlans.Build(messages.GherkinDocument, pickles));
        var source = messages.Source.Data;
        _changed = new Lazy<string?>(() => FeatureFreshness.Check(Uri, featurePath, source));
    }

    /// <summary>The feature as Reqnroll's runtime knows it.</summary>
    public FeatureInfo Info { get; }

    /// <summary>The test assembly.</summary>
    public Assembly TestAssembly { get; }

    /// <summary>The feature's uri, e.g. <c>features/supervision/drain.feature</c>.</summary>
    public string Uri { get; }

    internal ScenarioPlan Plan(int pickleIndex) => _plans.Value[pickleIndex];

    /// <summary>Throws when the feature file no longer holds the text the tests were generated from (read once per feature class).</summary>
    /// <exception cref="FeatureChangedException">The file was edited, moved or deleted since the build.</exception>
    internal void EnsureUnchanged()
    {
        if (_changed.Value is { } reason)
        {
            throw new FeatureChangedException(reason);
        }
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Ends the feature on every runner that ran it (Reqnroll's <c>ReleaseFeatureAsync</c>).</summary>
    public Task DisposeAsync() => TestRunnerManager.ReleaseFeatureAsync(Info, TestAssembly);
}
