namespace Bdd.Execution;

/// <summary>
/// A feature file's text, embedded by the generator into the test assembly.
/// <see cref="Uri"/> is the path reported in messages (e.g. <c>features/supervision/drain.feature</c>).
/// </summary>
public sealed class FeatureSource
{
    /// <summary>Creates a source. Both arguments are required (null throws).</summary>
    public FeatureSource(string uri, string text)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(text);
        Uri = uri;
        Text = text;
    }

    /// <summary>The feature file path relative to the folder holding <c>features/</c>, with '/' separators.</summary>
    public string Uri { get; }

    /// <summary>The full Gherkin text.</summary>
    public string Text { get; }
}
