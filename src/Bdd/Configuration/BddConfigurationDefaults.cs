namespace Bdd.Configuration;

/// <summary>Defaults of reqnroll.json settings (the values Reqnroll uses when a key is absent).</summary>
public static class BddConfigurationDefaults
{
    /// <summary>The configuration file name, looked up in AppContext.BaseDirectory.</summary>
    public const string FileName = "reqnroll.json";

    /// <summary>language.feature: the Gherkin dialect of files without a "# language:" line.</summary>
    public const string FeatureLanguage = "en";

    /// <summary>language.binding: the culture converting step arguments.</summary>
    public const string BindingCulture = "en-US";

    /// <summary>runtime.missingOrPendingStepsOutcome.</summary>
    public const MissingOrPendingStepsOutcome MissingOrPendingStepsOutcome = Configuration.MissingOrPendingStepsOutcome.Inconclusive;

    /// <summary>runtime.stopAtFirstError.</summary>
    public const bool StopAtFirstError = false;
}
