using System.Globalization;
using System.Text;

namespace FeatureXunit;

/// <summary>
/// Which scenarios a run discovers, from the environment that <c>./specs</c> sets (all unset: every scenario):
/// <list type="bullet">
/// <item><c>SPECS_SELECT_LINES</c>: lines <c>/path/to/x.feature:18</c> (or a whole file, <c>/path/to/x.feature</c>), one per
/// line; a pickle is selected when its feature file (the path the build knew) and one of the lines match
/// (<see cref="ScenarioLines"/>).</item>
/// <item><c>SPECS_SELECT_NAME</c>: text the scenario's name (as the test runner shows it) contains, ignoring case.</item>
/// <item><c>SPECS_SHARD</c>: <c>K/N</c>, the K-th of N shards: the pickles whose stable id (<see cref="ScenarioIds"/>)
/// hashes (FNV-1a, 64 bits, of its UTF-8) to K-1 modulo N. Every scenario is in exactly one shard, whatever the order or
/// the machine.</item>
/// </list>
/// The conditions combine with "and", and with any <c>--filter</c> of <c>dotnet test</c>.
/// </summary>
internal sealed record ScenarioSelection(IReadOnlyList<(string Path, long? Line)> Lines, string? Name, (int Index, int Count)? Shard)
{
    public const string LinesVariable = "SPECS_SELECT_LINES";
    public const string NameVariable = "SPECS_SELECT_NAME";
    public const string ShardVariable = "SPECS_SHARD";

    /// <summary>The selection the environment asks for, or <see langword="null"/> for every scenario.</summary>
    /// <exception cref="FormatException">A variable that does not read as documented.</exception>
    public static ScenarioSelection? FromEnvironment() => Parse(
        Environment.GetEnvironmentVariable(LinesVariable), Environment.GetEnvironmentVariable(NameVariable), Environment.GetEnvironmentVariable(ShardVariable));

    /// <inheritdoc cref="FromEnvironment"/>
    public static ScenarioSelection? Parse(string? lines, string? name, string? shard)
    {
        if (string.IsNullOrEmpty(lines) && string.IsNullOrEmpty(name) && string.IsNullOrEmpty(shard))
        {
            return null;
        }

        var selected = (lines ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ParseLine).ToArray();
        return new ScenarioSelection(selected, string.IsNullOrEmpty(name) ? null : name, string.IsNullOrEmpty(shard) ? null : ParseShard(shard));
    }

    /// <summary>Whether the pickle <paramref name="entry"/> of the feature file <paramref name="featurePath"/> is selected.</summary>
    public bool Includes(ScenarioEntry entry, string featurePath) =>
        (Lines.Count == 0 || Lines.Any(l => SameFile(l.Path, featurePath) && (l.Line is not { } line || entry.Lines.Covers(line))))
        && (Name is null || entry.DisplayName.Contains(Name, StringComparison.OrdinalIgnoreCase))
        && (Shard is not { } shard || ShardOf(entry.Id, shard.Count) == shard.Index - 1);

    /// <summary>The 0-based shard of <paramref name="id"/> among <paramref name="count"/>.</summary>
    public static int ShardOf(string id, int count)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(id))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return (int)(hash % (ulong)count);
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    private static (string, long?) ParseLine(string text)
    {
        var colon = text.LastIndexOf(':');
        return colon > 0 && long.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var line) && line > 0
            ? (text[..colon], line)
            : (text, null);
    }

    private static (int, int) ParseShard(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            && count > 0 && index >= 1 && index <= count
            ? (index, count)
            : throw new FormatException($"{ShardVariable}='{text}' is not a shard K/N with 1 <= K <= N (e.g. 2/4).");
    }
}
