namespace Bdd;

/// <summary>A feature's bag of values shared by its scenarios and hooks, with <see cref="FeatureInfo"/>.</summary>
public sealed class FeatureContext : ReqnrollContext
{
    internal FeatureContext(FeatureInfo featureInfo) => FeatureInfo = featureInfo;

    /// <summary>The feature's title, tags, language and path.</summary>
    public FeatureInfo FeatureInfo { get; }
}
