using System.Text;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>Step-definition usage: every binding with how many steps it matched and where; unused bindings, undefined and ambiguous steps flagged.</summary>
internal static class UsageSection
{
    private const int PlacesShown = 8;

    public static void Render(StringBuilder html, PageContext context)
    {
        var usage = context.Usage;
        html.Append("<section id=\"steps\" class=\"appendix\"><h2>Step definitions</h2>\n");
        if (usage.Bindings.Count == 0)
        {
            html.Append("<p class=\"muted\">No run results: the step definitions are known from a run's messages.</p></section>\n");
            return;
        }

        html.Append("<p>").Append(DocPage.Plural(usage.Bindings.Count, "step definition")).Append(", ")
            .Append(usage.Bindings.Count(b => b.Uses.Count == 0)).Append(" unused &middot; ")
            .Append(DocPage.Plural(usage.Undefined.Count, "undefined step")).Append(" &middot; ").Append(DocPage.Plural(usage.Ambiguous.Count, "ambiguous step")).Append("</p>\n");
        html.Append("<table class=\"usage\"><thead><tr><th>Binding</th><th>Pattern</th><th>Steps</th><th>Where</th></tr></thead><tbody>\n");
        foreach (var binding in usage.Bindings)
        {
            html.Append("<tr").Append(binding.Uses.Count == 0 ? " class=\"unused\"" : "").Append("><td><code>").Append(E(binding.Method)).Append("</code></td><td><code>")
                .Append(E(binding.Pattern)).Append("</code></td><td class=\"num\">").Append(binding.Uses.Count)
                .Append(binding.Uses.Count == 0 ? " <span class=\"badge notrun\">unused</span>" : "").Append("</td><td>");
            Places(html, binding.Uses);
            html.Append("</td></tr>\n");
        }

        html.Append("</tbody></table>\n");
        Flagged(html, "Undefined steps", usage.Undefined);
        Flagged(html, "Ambiguous steps", usage.Ambiguous);
        html.Append("</section>\n");
    }

    private static void Places(StringBuilder html, IReadOnlyList<StepUse> uses)
    {
        foreach (var group in uses.GroupBy(u => (u.Feature.Title, u.Scenario)).Take(PlacesShown))
        {
            html.Append("<div>").Append(E(group.Key.Title)).Append(": ").Append(E(group.Key.Scenario)).Append("</div>");
        }

        var more = uses.Select(u => (u.Feature.Title, u.Scenario)).Distinct().Count() - PlacesShown;
        if (more > 0)
        {
            html.Append("<div class=\"muted\">and ").Append(more).Append(" more</div>");
        }
    }

    private static void Flagged(StringBuilder html, string title, IReadOnlyList<StepUse> steps)
    {
        if (steps.Count == 0)
        {
            return;
        }

        html.Append("<h3 class=\"flagged\">").Append(E(title)).Append("</h3><ul>");
        foreach (var step in steps)
        {
            html.Append("<li><code>").Append(E(step.Step)).Append("</code> <span class=\"muted\">").Append(E(step.Feature.Title)).Append(": ").Append(E(step.Scenario)).Append("</span></li>");
        }

        html.Append("</ul>\n");
    }
}
