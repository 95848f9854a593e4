using System.Globalization;
using System.Text.Json;

namespace Bdd.Configuration;

/// <summary>
/// The settings of reqnroll.json that this engine reads. Build one with <see cref="Load"/> (a directory),
/// <see cref="Parse"/> (JSON text) or use <see cref="Default"/> (no file). Immutable.
/// </summary>
public sealed class BddConfiguration
{
    /// <summary>Every default, no warnings: what an absent reqnroll.json means.</summary>
    public static BddConfiguration Default { get; } = new();

    internal BddConfiguration() { }

    /// <summary>The file read, or null for defaults.</summary>
    public string? FilePath { get; internal init; }

    /// <summary>language.feature; default "en".</summary>
    public string FeatureLanguage { get; internal init; } = BddConfigurationDefaults.FeatureLanguage;

    /// <summary>language.binding as a culture; default en-US. Converts step arguments and table values.</summary>
    public CultureInfo BindingCulture { get; internal init; } = CultureInfo.GetCultureInfo(BddConfigurationDefaults.BindingCulture);

    /// <summary>runtime.missingOrPendingStepsOutcome; default Inconclusive.</summary>
    public MissingOrPendingStepsOutcome MissingOrPendingStepsOutcome { get; internal init; } = BddConfigurationDefaults.MissingOrPendingStepsOutcome;

    /// <summary>runtime.stopAtFirstError: after the first failed scenario, later ones are skipped. Default false.</summary>
    public bool StopAtFirstError { get; internal init; } = BddConfigurationDefaults.StopAtFirstError;

    /// <summary>generator.addNonParallelizableMarkerForTags (tags without '@'); default empty.</summary>
    public IReadOnlyList<string> AddNonParallelizableMarkerForTags { get; internal init; } = [];

    /// <summary>bindingAssemblies: names of extra assemblies scanned for bindings; default empty.</summary>
    public IReadOnlyList<string> BindingAssemblies { get; internal init; } = [];

    /// <summary>
    /// formatters: the raw section per formatter name (e.g. "message" → {"outputFilePath": ...}).
    /// Default empty.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement> Formatters { get; internal init; } = new Dictionary<string, JsonElement>();

    /// <summary>One line per unknown key ("reqnroll.json: unknown key 'runtime.foo' ignored").</summary>
    public IReadOnlyList<string> Warnings { get; internal init; } = [];

    /// <summary>A formatter's <c>outputFilePath</c>, or null when the formatter or the key is absent.</summary>
    public string? GetFormatterOutputFilePath(string formatterName)
    {
        if (Formatters.TryGetValue(formatterName, out var section) && section.ValueKind == JsonValueKind.Object
            && section.TryGetProperty("outputFilePath", out var path) && path.ValueKind == JsonValueKind.String)
            return path.GetString();
        return null;
    }

    /// <summary>Reads <c>reqnroll.json</c> from <paramref name="directory"/>; an absent file gives <see cref="Default"/>.</summary>
    /// <exception cref="BddConfigurationException">The file is not valid JSON or holds an invalid value.</exception>
    public static BddConfiguration Load(string directory)
    {
        var path = Path.Combine(directory, BddConfigurationDefaults.FileName);
        return File.Exists(path) ? Parse(File.ReadAllText(path), path) : Default;
    }

    /// <summary>Parses reqnroll.json text; <paramref name="filePath"/> names the file in messages.</summary>
    /// <exception cref="BddConfigurationException">Not valid JSON, or an invalid value.</exception>
    public static BddConfiguration Parse(string json, string filePath) => BddConfigurationReader.Read(json, filePath);
}
