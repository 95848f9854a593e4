namespace FeatureXunit;

/// <summary>
/// Marks a generated feature class with where its scenarios come from: the embedded NDJSON resource with the feature's
/// Source, GherkinDocument and Pickles, and the feature file on disk (where each test navigates to).
/// </summary>
/// <param name="messagesResource">The embedded NDJSON resource.</param>
/// <param name="featurePath">The feature file on disk, as the build knew it.</param>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FeatureFileAttribute(string messagesResource, string featurePath) : Attribute
{
    /// <summary>The embedded NDJSON resource.</summary>
    public string MessagesResource { get; } = messagesResource;

    /// <summary>The feature file on disk.</summary>
    public string FeaturePath { get; } = featurePath;
}
