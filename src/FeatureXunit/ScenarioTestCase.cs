using System.ComponentModel;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FeatureXunit;

/// <summary>
/// One scenario (pickle) as an xUnit test: the feature class's <c>Scenario</c> method called with the pickle index,
/// named, traited and located from the feature's messages. Skips like Xunit.SkippableFact (Reqnroll's ignore).
/// Serialized between discovery and execution with everything it shows.
/// </summary>
public sealed class ScenarioTestCase : SkippableFactTestCase
{
    private string _displayName = "";
    private string _featureTitle = "";
    private string _scenarioTitle = "";
    private string[] _categories = [];
    private string _featurePath = "";
    private int _line;

    /// <summary>For deserialization only.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ScenarioTestCase()
    {
    }

    internal ScenarioTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, int pickle, ScenarioEntry entry, string featurePath)
        : base([typeof(Xunit.SkipException).FullName!], diagnostics, display, displayOptions, testMethod, [pickle])
    {
        _displayName = entry.DisplayName;
        _featureTitle = entry.FeatureTitle;
        _scenarioTitle = entry.ScenarioTitle;
        _categories = [.. entry.Categories];
        _featurePath = featurePath;
        _line = (int)entry.Line;
        SourceInformation = Source();
    }

    /// <inheritdoc />
    public override void Serialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        base.Serialize(data);
        data.AddValue("ScenarioName", _displayName);
        data.AddValue("FeatureTitle", _featureTitle);
        data.AddValue("ScenarioTitle", _scenarioTitle);
        data.AddValue("Categories", _categories);
        data.AddValue("FeaturePath", _featurePath);
        data.AddValue("Line", _line);
    }

    /// <inheritdoc />
    public override void Deserialize(IXunitSerializationInfo data)
    {
        ArgumentNullException.ThrowIfNull(data);
        _displayName = data.GetValue<string>("ScenarioName");
        _featureTitle = data.GetValue<string>("FeatureTitle");
        _scenarioTitle = data.GetValue<string>("ScenarioTitle");
        _categories = data.GetValue<string[]>("Categories");
        _featurePath = data.GetValue<string>("FeaturePath");
        _line = data.GetValue<int>("Line");
        base.Deserialize(data);
        SourceInformation = Source();
    }

    /// <inheritdoc />
    protected override void Initialize()
    {
        base.Initialize();
        DisplayName = _displayName;
        Traits["FeatureTitle"] = [_featureTitle];
        Traits["Description"] = [_scenarioTitle];
        Traits["Category"] = [.. _categories];
        SourceInformation = Source();
    }

    /// <summary>
    /// The feature file and the scenario's line. Set at once, not only in <see cref="Initialize"/>: xUnit fills in the
    /// method's own source location for a test case that has none yet when it is discovered.
    /// </summary>
    private SourceInformation Source() => new() { FileName = _featurePath, LineNumber = _line };
}
