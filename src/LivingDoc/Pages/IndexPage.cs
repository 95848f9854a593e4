using System.Globalization;
using System.Text;
using Io.Cucumber.Messages.Types;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>The index: run totals, features grouped by folder with their counts, and the tag vocabulary.</summary>
internal static class IndexPage
{
    public static string Render(LivingDocRun run)
    {
        var html = new StringBuilder();
        Head(html, "Living documentation");
        var total = run.Count(run.Features.SelectMany(f => f.Pickles));
        html.Append("<header><h1>Living documentation</h1><p class=\"subtitle\">")
            .Append(Plural(run.Features.Count, "feature")).Append(", ").Append(Plural(total.Total, "scenario"));
        if (run.FinishedAt is { } finishedAt)
            html.Append(" &middot; run finished ").Append(E(finishedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)));
        html.Append("</p>");
        Counts(html, total);
        Bar(html, total);
        html.Append("</header>\n");

        foreach (var group in run.Features.GroupBy(f => f.Folder).OrderBy(g => g.Key, StringComparer.Ordinal))
            Folder(html, run, group.Key, [.. group], showNotRun: total.NotRun > 0);

        Vocabulary(html, run);
        Foot(html);
        return html.ToString();
    }

    /// <summary>A folder's feature table; the "Not run" column only when <paramref name="showNotRun"/> (some scenario of the run did not run).</summary>
    private static void Folder(StringBuilder html, LivingDocRun run, string folder, IReadOnlyList<DocFeature> features, bool showNotRun)
    {
        html.Append("<section class=\"folder\"><h2>").Append(E(folder.Length == 0 ? "features" : folder)).Append("</h2>\n")
            .Append("<table class=\"features\"><thead><tr><th>Feature</th><th>Scenarios</th><th>Passed</th><th>Failed</th><th>Pending</th><th>Skipped</th>")
            .Append(showNotRun ? "<th>Not run</th>" : string.Empty)
            .Append("<th>Status</th></tr></thead><tbody>\n");
        foreach (var feature in features)
        {
            var counts = run.Count(feature.Pickles);
            var status = feature.Errors.Count > 0 ? DocStatus.Failed : run.Worst(feature.Pickles);
            html.Append("<tr class=\"").Append(CssClass(status)).Append("\"><td><a href=\"").Append(E(feature.PageName)).Append("\">")
                .Append(E(feature.Title)).Append("</a><div class=\"uri\">").Append(E(feature.Uri)).Append("</div></td>");
            int[] columns = showNotRun
                ? [counts.Total, counts.Passed, counts.Failed, counts.Pending, counts.Skipped, counts.NotRun]
                : [counts.Total, counts.Passed, counts.Failed, counts.Pending, counts.Skipped];
            foreach (var n in columns)
                html.Append("<td class=\"num\">").Append(n.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            html.Append("<td>");
            Bar(html, counts);
            html.Append("</td></tr>\n");
        }
        html.Append("</tbody></table></section>\n");
    }

    private static void Vocabulary(StringBuilder html, LivingDocRun run)
    {
        var byTag = new SortedDictionary<string, List<(DocFeature Feature, string ScenarioId, string Name, List<Pickle> Pickles)>>(StringComparer.Ordinal);
        foreach (var feature in run.Features)
        {
            foreach (var (scenarioId, name, pickles) in Entries(feature))
            {
                foreach (var tag in pickles.SelectMany(p => p.Tags.Select(t => t.Name)).Distinct(StringComparer.Ordinal))
                {
                    if (!byTag.TryGetValue(tag, out var list))
                        byTag[tag] = list = [];
                    list.Add((feature, scenarioId, name, pickles));
                }
            }
        }
        html.Append("<section class=\"vocabulary\"><h2>Tags</h2>\n");
        if (byTag.Count == 0)
            html.Append("<p>No tags.</p>\n");
        html.Append("<dl>\n");
        foreach (var (tag, scenarios) in byTag)
        {
            html.Append("<dt id=\"tag-").Append(E(tag.TrimStart('@'))).Append("\"><span class=\"tag\">").Append(E(tag)).Append("</span> <span class=\"muted\">")
                .Append(Plural(scenarios.Count, "scenario")).Append("</span></dt><dd><ul>");
            foreach (var (feature, scenarioId, name, pickles) in scenarios)
            {
                html.Append("<li>").Append(Badge(run.Worst(pickles))).Append(" <a href=\"").Append(E(feature.PageName)).Append("#s-").Append(E(scenarioId)).Append("\">")
                    .Append(E(name)).Append("</a> <span class=\"muted\">").Append(E(feature.Title)).Append("</span></li>");
            }
            html.Append("</ul></dd>\n");
        }
        html.Append("</dl></section>\n");
    }

    private static string Plural(int count, string noun)
        => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

    /// <summary>
    /// The vocabulary's entries of a feature: one per scenario, except for an outline whose name holds a
    /// parameter ("&lt;description&gt;"), which lists each row under its own (substituted) name.
    /// </summary>
    private static IEnumerable<(string ScenarioId, string Name, List<Pickle> Pickles)> Entries(DocFeature feature)
    {
        foreach (var scenario in feature.Pickles.GroupBy(p => p.AstNodeIds[0]))
        {
            var pickles = scenario.ToList();
            var name = feature.Scenario(scenario.Key)?.Name ?? pickles[0].Name;
            if (name.Contains('<', StringComparison.Ordinal))
            {
                foreach (var pickle in pickles)
                    yield return (scenario.Key, pickle.Name, [pickle]);
            }
            else
            {
                yield return (scenario.Key, name, pickles);
            }
        }
    }
}
