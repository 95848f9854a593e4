using System.Text;
using Io.Cucumber.Messages.Types;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>
/// The requirements: each catalogued requirement with its title, its description and its scenarios with their
/// status; the requirements no scenario covers; and the requirement tags that name no catalogued requirement. A
/// tracker link appears only when <c>requirements.urlTemplate</c> is set.
/// </summary>
internal static class RequirementsSection
{
    public static void Render(StringBuilder html, PageContext context)
    {
        var byId = new Dictionary<string, List<(DocFeature Feature, Pickle Pickle)>>(StringComparer.Ordinal);
        foreach (var feature in context.Run.Features)
        {
            foreach (var pickle in feature.Pickles)
            {
                foreach (var id in pickle.Tags.Select(t => context.Config.RequirementOf(t.Name)).OfType<string>().Distinct(StringComparer.Ordinal))
                {
                    (byId.TryGetValue(id, out var list) ? list : byId[id] = []).Add((feature, pickle));
                }
            }
        }

        var catalogued = context.Requirements.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = byId.Keys.Where(id => !catalogued.Contains(id)).Order(StringComparer.Ordinal).ToList();
        var uncovered = context.Requirements.Where(r => !byId.ContainsKey(r.Id)).ToList();
        html.Append("<section id=\"requirements\" class=\"appendix\"><h2>Requirements</h2>\n<p class=\"muted\">")
            .Append(context.Requirements.Count == 0
                ? "No requirements catalogue is configured (requirements.catalogue in living-doc.json): the requirements are known by their tags only."
                : $"{DocPage.Plural(context.Requirements.Count, "requirement")} in the catalogue, {DocPage.Plural(uncovered.Count, "requirement")} without a scenario, " +
                  $"{DocPage.Plural(unknown.Count, "tag")} naming no catalogued requirement.")
            .Append("</p>\n");
        foreach (var requirement in context.Requirements)
        {
            Entry(html, context, requirement.Id, requirement, byId.GetValueOrDefault(requirement.Id) ?? []);
        }

        List(html, "uncovered", "Requirements no scenario covers", uncovered.Select(r => (r.Id, r.Title)));
        if (context.Requirements.Count == 0)
        {
            foreach (var id in unknown)
            {
                Entry(html, context, id, null, byId[id]);
            }
        }
        else
        {
            List(html, "unknown", "Tags that name no catalogued requirement", unknown.Select(id => (id, string.Join(", ", byId[id].Select(s => s.Feature.Title + " › " + Names.Of(s.Feature, s.Pickle)).Distinct()))));
        }

        html.Append("</section>\n");
    }

    private static void Entry(StringBuilder html, PageContext context, string id, Requirement? requirement, List<(DocFeature Feature, Pickle Pickle)> scenarios)
    {
        var search = FeatureSection.Searchable(id, requirement?.Title, requirement?.Description, string.Join(' ', scenarios.Select(s => s.Pickle.Name)));
        html.Append("<div class=\"requirement\" id=\"").Append(E(PageContext.RequirementAnchor(id))).Append("\" data-req-search=\"").Append(E(search)).Append("\"><h3>")
            .Append(scenarios.Count == 0 ? "<span class=\"badge notrun\">no scenario</span>" : Badge(context.Run.Worst(scenarios.Select(s => s.Pickle))))
            .Append(" <span class=\"req-id\">").Append(E(id)).Append("</span> ").Append(E(requirement?.Title ?? ""))
            .Append(" <span class=\"muted\">").Append(DocPage.Plural(scenarios.Count, "scenario")).Append("</span>");
        if (context.Config.UrlOf(id) is { } url)
        {
            html.Append(" <a class=\"external\" href=\"").Append(E(url)).Append("\">in the tracker</a>");
        }

        html.Append("</h3>\n");
        Description(html, requirement?.Description);
        html.Append("<ul>");
        foreach (var (feature, pickle) in scenarios)
        {
            html.Append("<li>").Append(Badge(context.Run.StatusOf(pickle))).Append(" <a href=\"#").Append(E(context.Anchor(feature, pickle))).Append("\">")
                .Append(E(Names.Of(feature, pickle))).Append("</a> <span class=\"muted\">").Append(E(feature.Title)).Append("</span></li>");
        }

        html.Append("</ul></div>\n");
    }

    private static void List(StringBuilder html, string id, string title, IEnumerable<(string Id, string Text)> items)
    {
        var list = items.ToList();
        if (list.Count == 0)
        {
            return;
        }

        html.Append("<div class=\"req-list\" id=\"requirements-").Append(id).Append("\"><h3 class=\"flagged\">").Append(E(title)).Append("</h3><ul>");
        foreach (var (itemId, text) in list)
        {
            html.Append("<li data-req-search=\"").Append(E(FeatureSection.Searchable(itemId, text))).Append("\">")
                .Append(id == "uncovered" ? $"<a href=\"#{E(PageContext.RequirementAnchor(itemId))}\">{E(itemId)}</a>" : $"<code>{E(itemId)}</code>").Append(' ').Append(E(text)).Append("</li>");
        }

        html.Append("</ul></div>\n");
    }
}
