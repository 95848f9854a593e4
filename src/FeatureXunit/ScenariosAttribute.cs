using Xunit;
using Xunit.Sdk;

namespace FeatureXunit;

/// <summary>
/// Marks a generated feature class's one test method, <c>Task Scenario(int pickle)</c>: it stands for one xUnit test
/// per pickle of the feature, found by <see cref="ScenarioDiscoverer"/> in the embedded feature messages. So the
/// code-behind stays one method per feature however many scenarios the feature has (compile cost), while every
/// scenario and Examples row is still a test of its own with its name, Category traits and source line.
/// </summary>
/// <param name="messagesResource">The embedded NDJSON resource with the feature's Source, GherkinDocument and Pickles.</param>
/// <param name="featurePath">The feature file on disk, where each test navigates to.</param>
[XunitTestCaseDiscoverer("FeatureXunit.ScenarioDiscoverer", "FeatureXunit")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenariosAttribute(string messagesResource, string featurePath) : FactAttribute
{
    /// <summary>The embedded NDJSON resource.</summary>
    public string MessagesResource { get; } = messagesResource;

    /// <summary>The feature file on disk.</summary>
    public string FeaturePath { get; } = featurePath;
}
