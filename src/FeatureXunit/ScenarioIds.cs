using System.Globalization;
using System.Text;
using Io.Cucumber.Messages.Types;

namespace FeatureXunit;

/// <summary>
/// The stable id of each scenario, as shards, file:line selection and the reports name it:
/// <c>&lt;feature uri&gt;/&lt;scenario slug&gt;</c>, plus <c>/&lt;row&gt;</c> for an outline's row, e.g.
/// <c>features/supervision/drain.feature/a-draining-pool-refuses-new-leases</c> and
/// <c>features/supervision/backoff.feature/the-delay-doubles-after-each-crash/3</c>.
/// The uri is the feature's path relative to the repository root (the project-relative <c>Link</c> in src/Steps); the
/// slug is the scenario's title as written (placeholders included), lower case, every run of characters other than
/// letters and digits one '-'; a second scenario of the feature with the same slug gets <c>-2</c>, a third <c>-3</c>;
/// the row is the 1-based position of the row among all rows of the outline's Examples blocks. So an id changes only
/// when its own scenario is renamed or its row moves, never with edits elsewhere, the order of the run or a filter.
/// </summary>
internal static class ScenarioIds
{
    /// <summary>The id of every scenario and outline row of <paramref name="feature"/>, by the AST id of the scenario or row.</summary>
    public static IReadOnlyDictionary<string, string> Build(string uri, Feature feature)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var scenarios = feature.Children.Select(c => c.Scenario)
            .Concat(feature.Children.SelectMany(c => c.Rule?.Children.Select(r => r.Scenario) ?? []))
            .OfType<Scenario>()
            .OrderBy(s => s.Location.Line);
        foreach (var scenario in scenarios)
        {
            var slug = Slug(scenario.Name);
            var count = seen[slug] = seen.GetValueOrDefault(slug) + 1;
            var id = uri + "/" + (count == 1 ? slug : slug + "-" + count.ToString(CultureInfo.InvariantCulture));
            ids[scenario.Id] = id;
            var row = 0;
            foreach (var tableRow in scenario.Examples.SelectMany(e => e.TableBody))
            {
                ids[tableRow.Id] = id + "/" + (++row).ToString(CultureInfo.InvariantCulture);
            }
        }

        return ids;
    }

    /// <summary>The id of a pickle: its row's when it is an outline row, else its scenario's.</summary>
    public static string Of(Pickle pickle, IReadOnlyDictionary<string, string> ids) => ids[pickle.AstNodeIds[^1]];

    /// <summary>A title as an id part: lower case, every run of other characters than letters and digits one '-'.</summary>
    public static string Slug(string title)
    {
        var slug = new StringBuilder(title.Length);
        foreach (var c in title)
        {
            if (char.IsLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-') is { Length: > 0 } done ? done : "untitled";
    }
}
