using System.Text;
using Io.Cucumber.Messages.Types;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>Traceability: each requirement named by a tag, linked through the configured URL template, with its scenarios and their status.</summary>
internal static class RequirementsSection
{
    public static void Render(StringBuilder html, PageContext context)
    {
        var byRequirement = new SortedDictionary<string, List<(DocFeature Feature, Pickle Pickle)>>(StringComparer.Ordinal);
        foreach (var feature in context.Run.Features)
        {
            foreach (var pickle in feature.Pickles)
            {
                foreach (var id in pickle.Tags.Select(t => context.Config.RequirementOf(t.Name)).OfType<string>().Distinct(StringComparer.Ordinal))
                {
                    if (!byRequirement.TryGetValue(id, out var list))
                    {
                        byRequirement[id] = list = [];
                    }

                    list.Add((feature, pickle));
                }
            }
        }

        html.Append("<section id=\"requirements\" class=\"appendix\"><h2>Requirements</h2>\n");
        if (byRequirement.Count == 0)
        {
            html.Append("<p class=\"muted\">No scenario carries a requirement tag.</p>");
        }

        foreach (var (id, scenarios) in byRequirement)
        {
            var status = context.Run.Worst(scenarios.Select(s => s.Pickle));
            html.Append("<div class=\"requirement\" id=\"").Append(E(PageContext.RequirementAnchor(id))).Append("\"><h3>").Append(Badge(status)).Append(' ');
            if (context.Config.UrlOf(id) is { } url)
            {
                html.Append("<a class=\"external\" href=\"").Append(E(url)).Append("\">").Append(E(id)).Append("</a>");
            }
            else
            {
                html.Append(E(id));
            }

            html.Append(" <span class=\"muted\">").Append(DocPage.Plural(scenarios.Count, "scenario")).Append("</span></h3><ul>");
            foreach (var (feature, pickle) in scenarios)
            {
                html.Append("<li>").Append(Badge(context.Run.StatusOf(pickle))).Append(" <a href=\"#").Append(E(context.Anchor(feature, pickle))).Append("\">")
                    .Append(E(Names.Of(feature, pickle))).Append("</a> <span class=\"muted\">").Append(E(feature.Title)).Append("</span></li>");
            }

            html.Append("</ul></div>\n");
        }

        html.Append("</section>\n");
    }
}
