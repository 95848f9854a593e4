namespace Bdd.Formatters;

/// <summary>Formatter keys of reqnroll.json and their default output paths (relative to the repository root).</summary>
public static class FormatterDefaults
{
    /// <summary>Cucumber Messages NDJSON.</summary>
    public const string MessageKey = "message";

    /// <summary>The Cucumber HTML report.</summary>
    public const string HtmlKey = "html";

    /// <summary>The living documentation.</summary>
    public const string LivingDocKey = "livingDoc";

    /// <summary>Default: reports/cucumber-messages.ndjson.</summary>
    public const string MessageOutputFilePath = "reports/cucumber-messages.ndjson";

    /// <summary>Default: reports/cucumber-report.html.</summary>
    public const string HtmlOutputFilePath = "reports/cucumber-report.html";

    /// <summary>Default: reports/living-doc/index.html.</summary>
    public const string LivingDocOutputFilePath = "reports/living-doc/index.html";
}
