using System.Security.Cryptography;
using System.Text;
using Io.Cucumber.Messages.Types;

namespace LivingDoc.Model;

/// <summary>
/// Stable names for a feature's scenarios, for links and for the history: a scenario's anchor is its feature's path
/// and its name (<c>supervision-drain--a-draining-pool-refuses-new-leases</c>, with <c>-2</c> for a repeated name),
/// an outline row's adds the row's values (<c>...--gpu-0-3</c>). They depend on nothing else in the file, so an edit
/// elsewhere, or a filtered run, leaves them as they are. A pickle's hash is of its name and steps: its text.
/// </summary>
internal sealed class ScenarioKeys
{
    private readonly Dictionary<string, string> _scenarioAnchors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rowAnchors = new(StringComparer.Ordinal);

    public ScenarioKeys(DocFeature feature)
    {
        var prefix = Slug(feature.RelativePath.EndsWith(".feature", StringComparison.Ordinal) ? feature.RelativePath[..^".feature".Length] : feature.RelativePath);
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var scenario in feature.Scenarios())
        {
            var anchor = Unique(names, prefix + "--" + Slug(scenario.Name));
            _scenarioAnchors[scenario.Id] = anchor;
            var rows = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in scenario.Examples.SelectMany(e => e.TableBody))
            {
                _rowAnchors[row.Id] = Unique(rows, anchor + "--" + Slug(string.Join(' ', row.Cells.Select(c => c.Value))));
            }
        }
    }

    /// <summary>The anchor of a scenario or outline by its AST id.</summary>
    public string ScenarioAnchor(string scenarioId) => _scenarioAnchors.GetValueOrDefault(scenarioId, "scenario-" + scenarioId);

    /// <summary>The anchor of a pickle: its outline row's, else its scenario's.</summary>
    public string Of(Pickle pickle) =>
        pickle.AstNodeIds.Count > 1 && _rowAnchors.TryGetValue(pickle.AstNodeIds[1], out var row) ? row
        : ScenarioAnchor(pickle.AstNodeIds.Count > 0 ? pickle.AstNodeIds[0] : "");

    /// <summary>A short hash of what a pickle says: its name, steps, doc strings and tables.</summary>
    public static string Hash(Pickle pickle)
    {
        var text = new StringBuilder(pickle.Name).Append('\n');
        foreach (var step in pickle.Steps)
        {
            text.Append(step.Text).Append('\n');
            if (step.Argument?.DocString is { } doc)
            {
                text.Append(doc.Content).Append('\n');
            }

            foreach (var row in step.Argument?.DataTable?.Rows ?? [])
            {
                text.AppendJoin('|', row.Cells.Select(c => c.Value)).Append('\n');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }

    /// <summary>Lower-case letters and digits, anything else one hyphen: "Drain a pool (gpu-0)" is "drain-a-pool-gpu-0".</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        return result.Length == 0 ? "x" : result;
    }

    private static string Unique(Dictionary<string, int> seen, string anchor)
    {
        var n = seen[anchor] = seen.GetValueOrDefault(anchor) + 1;
        return n == 1 ? anchor : anchor + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
