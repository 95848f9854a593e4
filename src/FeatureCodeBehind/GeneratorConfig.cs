using System.Text.Json;

namespace FeatureCodeBehind;

/// <summary>
/// The <c>reqnroll.json</c> settings the code-behind depends on: <c>language.feature</c> (the default feature
/// language, <c>en-US</c> when unset) and <c>generator.addNonParallelizableMarkerForTags</c>. Unknown or ill-typed
/// settings in those two sections are reported as warnings naming the setting; the defaults are then used.
/// </summary>
internal sealed record GeneratorConfig(string FeatureLanguage, IReadOnlyList<string> NonParallelizableTags, IReadOnlyList<string> Warnings)
{
    private static readonly string[] KnownLanguageKeys = ["feature", "binding"];

    private static readonly string[] KnownGeneratorKeys =
        ["addNonParallelizableMarkerForTags", "allowDebugGeneratedFiles", "allowRowTests", "disableFriendlyTestNames"];

    /// <summary>The settings when there is no <c>reqnroll.json</c>.</summary>
    public static GeneratorConfig Default { get; } = new("en-US", [], []);

    /// <summary>Reads <paramref name="json"/>.</summary>
    /// <exception cref="JsonException">When the text is not JSON (its message has the line and position).</exception>
    public static GeneratorConfig Read(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var warnings = new List<string>();
        var language = Default.FeatureLanguage;
        var tags = new List<string>();
        var root = document.RootElement;

        if (Section(root, "language", KnownLanguageKeys, warnings) is { } languageSection &&
            languageSection.TryGetProperty("feature", out var feature))
        {
            if (feature.ValueKind == JsonValueKind.String && feature.GetString() is { Length: > 0 } name)
            {
                language = name;
            }
            else
            {
                warnings.Add($"setting 'language.feature' should be a culture name such as \"en-US\", not {feature.ValueKind}; using {language}");
            }
        }

        if (Section(root, "generator", KnownGeneratorKeys, warnings) is { } generator &&
            generator.TryGetProperty("addNonParallelizableMarkerForTags", out var marker))
        {
            if (marker.ValueKind == JsonValueKind.Array && marker.EnumerateArray().All(t => t.ValueKind == JsonValueKind.String))
            {
                tags.AddRange(marker.EnumerateArray().Select(t => t.GetString()!.TrimStart('@')));
            }
            else
            {
                warnings.Add("setting 'generator.addNonParallelizableMarkerForTags' should be an array of tag names; no feature is serialized");
            }
        }

        return new GeneratorConfig(language, tags, warnings);
    }

    private static JsonElement? Section(JsonElement root, string name, string[] known, List<string> warnings)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(name, out var section))
        {
            return null;
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            warnings.Add($"setting '{name}' should be an object, not {section.ValueKind}; its defaults are used");
            return null;
        }

        foreach (var property in section.EnumerateObject().Where(p => !known.Contains(p.Name, StringComparer.Ordinal)))
        {
            warnings.Add($"unknown setting '{name}.{property.Name}' (known: {string.Join(", ", known)})");
        }

        return section;
    }
}
