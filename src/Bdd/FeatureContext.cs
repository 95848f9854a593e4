namespace Bdd;

/// <summary>A feature's bag of values shared by its scenarios and hooks, with <see cref="FeatureInfo"/>.</summary>
public sealed class FeatureContext : ReqnrollContext
{
    internal FeatureContext(FeatureInfo featureInfo, BoDi.IObjectContainer featureContainer)
    {
        FeatureInfo = featureInfo;
        FeatureContainer = featureContainer;
    }

    /// <summary>The feature's object container (parent of every scenario container of the feature).</summary>
    public BoDi.IObjectContainer FeatureContainer { get; }

    /// <summary>The feature's title, tags, language and path.</summary>
    public FeatureInfo FeatureInfo { get; }
}
