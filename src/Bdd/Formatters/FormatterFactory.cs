using Bdd.Configuration;
using Bdd.Events;

namespace Bdd.Formatters;

/// <summary>
/// Creates the report writers configured in reqnroll.json's <c>formatters</c> section: "message"
/// (<see cref="MessageFormatter"/>), "html" (<see cref="HtmlFormatter"/>) and "livingDoc"
/// (<see cref="LivingDocFormatter"/>), each with an <c>outputFilePath</c>. Unknown keys are ignored; a key
/// without outputFilePath uses the default path in <see cref="FormatterDefaults"/>. Relative paths are
/// resolved as <see cref="FormatterPaths"/> describes (repository root, BDD_REPORTS_DIR override).
/// </summary>
public static class FormatterFactory
{
    /// <summary>
    /// The listeners for <paramref name="configuration"/>'s formatters. <paramref name="baseDirectory"/> anchors
    /// relative paths (default: <see cref="FormatterPaths.RepositoryRoot"/>); <paramref name="reportsDirectory"/>
    /// overrides the reports folder (default: the BDD_REPORTS_DIR environment variable).
    /// </summary>
    public static IReadOnlyList<IRunEventListener> CreateFromConfiguration(BddConfiguration configuration, string? baseDirectory = null, string? reportsDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = baseDirectory ?? FormatterPaths.RepositoryRoot();
        var reports = reportsDirectory ?? Environment.GetEnvironmentVariable(FormatterPaths.ReportsDirectoryVariable);
        var listeners = new List<IRunEventListener>();
        if (Path(configuration, FormatterDefaults.MessageKey, FormatterDefaults.MessageOutputFilePath, root, reports) is { } messages)
            listeners.Add(new MessageFormatter(messages));
        if (Path(configuration, FormatterDefaults.HtmlKey, FormatterDefaults.HtmlOutputFilePath, root, reports) is { } html)
            listeners.Add(new HtmlFormatter(html));
        if (Path(configuration, FormatterDefaults.LivingDocKey, FormatterDefaults.LivingDocOutputFilePath, root, reports) is { } livingDoc)
            listeners.Add(new LivingDocFormatter(livingDoc));
        return listeners;
    }

    private static string? Path(BddConfiguration configuration, string key, string defaultPath, string root, string? reports)
    {
        if (!configuration.Formatters.ContainsKey(key))
            return null;
        return FormatterPaths.Resolve(configuration.GetFormatterOutputFilePath(key) ?? defaultPath, root, reports);
    }
}
