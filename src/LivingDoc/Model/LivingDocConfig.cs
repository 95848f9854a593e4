using System.Text.Json;
using System.Text.RegularExpressions;

namespace LivingDoc.Model;

/// <summary>
/// The living documentation's settings (<c>living-doc.json</c>): which tags name a requirement
/// (<c>requirements.tagPattern</c>, a regular expression with a group <c>id</c>; default <c>^@req:(?&lt;id&gt;.+)$</c>),
/// where a requirement lives (<c>requirements.urlTemplate</c> with <c>{id}</c>; none by default: no tracker link),
/// the requirements catalogue (<c>requirements.catalogue</c>, a Markdown file relative to the settings file; see
/// <see cref="Messages.RequirementsCatalogue"/>) and how many runs the history keeps (<c>history.keep</c>, 1 to 1000; default 10).
/// </summary>
internal sealed record LivingDocConfig(Regex RequirementTag, string? RequirementUrl, int HistoryKeep)
{
    /// <summary>The catalogue's full path, or null when none is configured.</summary>
    public string? Catalogue { get; init; }

    public static LivingDocConfig Default { get; } = new(Pattern("^@req:(?<id>.+)$"), null, 10);

    /// <summary>The requirement id a tag names, or null.</summary>
    public string? RequirementOf(string tag) => RequirementTag.Match(tag) is { Success: true } match ? match.Groups["id"].Value : null;

    /// <summary>The link of a requirement, or null when no template is set.</summary>
    public string? UrlOf(string id) => RequirementUrl?.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);

    /// <summary>Reads the settings from <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">When the file is not JSON or a setting is ill-typed; names the file and the setting.</exception>
    public static LivingDocConfig Read(string path)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            root = document.RootElement.Clone();
        }
        catch (JsonException error)
        {
            throw new FormatException($"{path}: not JSON: {error.Message}");
        }

        var config = Default;
        if (root.TryGetProperty("requirements", out var requirements))
        {
            if (requirements.TryGetProperty("tagPattern", out var pattern))
            {
                var text = pattern.ValueKind == JsonValueKind.String ? pattern.GetString()! : throw Bad(path, "requirements.tagPattern", "a string");
                Regex regex;
                try
                {
                    regex = Pattern(text);
                }
                catch (ArgumentException error)
                {
                    throw new FormatException($"{path}: requirements.tagPattern is not a regular expression: {error.Message}");
                }

                config = regex.GetGroupNumbers().Length > 1 && regex.GroupNumberFromName("id") >= 0
                    ? config with { RequirementTag = regex }
                    : throw Bad(path, "requirements.tagPattern", "a regular expression with a group named id");
            }

            if (requirements.TryGetProperty("urlTemplate", out var url))
            {
                config = url.ValueKind == JsonValueKind.String && url.GetString()!.Contains("{id}", StringComparison.Ordinal)
                    ? config with { RequirementUrl = url.GetString() }
                    : throw Bad(path, "requirements.urlTemplate", "a string containing {id}");
            }

            if (requirements.TryGetProperty("catalogue", out var catalogue))
            {
                config = catalogue.ValueKind == JsonValueKind.String && catalogue.GetString() is { Length: > 0 } file
                    ? config with { Catalogue = Path.GetFullPath(file, Path.GetDirectoryName(Path.GetFullPath(path))!) }
                    : throw Bad(path, "requirements.catalogue", "the path of a Markdown file");
            }
        }

        if (root.TryGetProperty("history", out var history) && history.TryGetProperty("keep", out var keep))
        {
            config = keep.ValueKind == JsonValueKind.Number && keep.TryGetInt32(out var n) && n is >= 1 and <= 1000
                ? config with { HistoryKeep = n }
                : throw Bad(path, "history.keep", "a whole number from 1 to 1000");
        }

        return config;
    }

    private static Regex Pattern(string text) => new(text, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static FormatException Bad(string path, string setting, string expected) => new($"{path}: {setting} should be {expected}");
}
