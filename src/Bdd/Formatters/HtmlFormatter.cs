using System.Text;
using Bdd.Events;

namespace Bdd.Formatters;

/// <summary>
/// Writes the official Cucumber HTML report (@cucumber/html-formatter 24.2.0) when the run finishes: the
/// package's page template with its <c>dist/main.css</c> and <c>dist/main.js</c> inlined over
/// <c>window.CUCUMBER_MESSAGES = [...]</c>, exactly as the package's own CucumberHtmlStream does.
/// The package is found under <c>tools/html-formatter/node_modules</c> (see <see cref="FindDistDirectory"/>);
/// when it is missing, one warning line goes to Console.Error and no HTML is written. Thread-safe.
/// </summary>
public sealed class HtmlFormatter : IRunEventListener
{
    /// <summary>The warning written when the package is not installed.</summary>
    public const string MissingPackageWarning = "HTML report skipped: run npm ci --prefix tools/html-formatter";

    /// <summary>The package's dist folder, relative to the repository root.</summary>
    public static readonly string DistRelativePath = Path.Combine("tools", "html-formatter", "node_modules", "@cucumber", "html-formatter", "dist");

    private readonly MessageCollector _collector = new();
    private readonly string? _distDirectory;
    private readonly TextWriter _warnings;

    /// <summary>
    /// Creates a formatter writing to <paramref name="outputFilePath"/>. <paramref name="distDirectory"/> holds
    /// main.js and main.css (default: <see cref="FindDistDirectory"/>); <paramref name="warnings"/> receives
    /// the missing-package warning (default Console.Error).
    /// </summary>
    public HtmlFormatter(string outputFilePath, string? distDirectory = null, TextWriter? warnings = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFilePath);
        OutputFilePath = outputFilePath;
        _distDirectory = distDirectory ?? FindDistDirectory();
        _warnings = warnings ?? Console.Error;
        _collector.RunFinished += Write;
    }

    /// <summary>The HTML file written.</summary>
    public string OutputFilePath { get; }

    /// <summary>true when main.js and main.css were found, i.e. the report can be written.</summary>
    public bool IsAvailable => _distDirectory is not null
        && File.Exists(Path.Combine(_distDirectory, "main.js")) && File.Exists(Path.Combine(_distDirectory, "main.css"));

    /// <summary>
    /// The dist folder of @cucumber/html-formatter: the first <c>tools/html-formatter/node_modules/@cucumber/html-formatter/dist</c>
    /// holding main.js, walking up from <paramref name="start"/> (default AppContext.BaseDirectory); null when none.
    /// </summary>
    public static string? FindDistDirectory(string? start = null)
    {
        var root = FormatterPaths.FindUpwards(start ?? AppContext.BaseDirectory, dir => File.Exists(Path.Combine(dir, DistRelativePath, "main.js")));
        return root is null ? null : Path.Combine(root, DistRelativePath);
    }

    /// <inheritdoc />
    public void OnEvent(RunEvent runEvent) => _collector.OnEvent(runEvent);

    /// <summary>Writes the report for the envelopes collected so far.</summary>
    public void Flush() => Write(_collector.Envelopes);

    /// <summary>
    /// The page for <paramref name="envelopes"/> (JSON lines) over the package files in <paramref name="distDirectory"/>.
    /// Every "&lt;" in the messages becomes "\x3C", so no message can close the script element.
    /// </summary>
    public static string Render(IEnumerable<string> envelopes, string distDirectory)
    {
        var template = ReadOrDefault(Path.Combine(distDirectory, "src", "index.mustache"), HtmlTemplate.Default);
        var icon = ReadOrDefault(Path.Combine(distDirectory, "src", "icon.url"), string.Empty);
        var messages = new StringBuilder();
        foreach (var envelope in envelopes)
        {
            if (messages.Length > 0)
                messages.Append(',');
            messages.Append(envelope.Replace("<", "\\x3C", StringComparison.Ordinal));
        }
        return HtmlTemplate.Fill(template, new Dictionary<string, string>
        {
            ["title"] = "Cucumber",
            ["icon"] = icon,
            ["css"] = File.ReadAllText(Path.Combine(distDirectory, "main.css")),
            ["custom_css"] = string.Empty,
            ["messages"] = messages.ToString(),
            ["script"] = File.ReadAllText(Path.Combine(distDirectory, "main.js")),
            ["custom_script"] = string.Empty,
        });
    }

    private void Write(IReadOnlyList<string> envelopes)
    {
        if (!IsAvailable)
        {
            _warnings.WriteLine(MissingPackageWarning);
            return;
        }
        FormatterPaths.WriteAllText(OutputFilePath, Render(envelopes, _distDirectory!));
    }

    private static string ReadOrDefault(string path, string fallback) => File.Exists(path) ? File.ReadAllText(path) : fallback;
}
