using System.Text;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>
/// The navigation tree: folder (an area, with its counts, which the script fills in), feature, rule, scenario; each
/// entry links to its place on the page.
/// </summary>
internal static class Tree
{
    public static void Render(StringBuilder html, LivingDocRun run)
    {
        html.Append("<nav id=\"tree\"><ul>\n");
        foreach (var folder in run.Features.GroupBy(f => f.Folder).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            html.Append("<li class=\"folder\"><span>").Append(E(folder.Key.Length == 0 ? "features" : folder.Key)).Append("</span> <span class=\"area-counts\"></span><ul>\n");
            foreach (var feature in folder)
            {
                var anchor = FeatureSection.FeatureAnchor(feature);
                html.Append("<li class=\"node-feature\" data-feature=\"").Append(E(anchor)).Append("\"><a href=\"#").Append(E(anchor)).Append("\">")
                    .Append(Badge(run.Worst(feature.Pickles))).Append(' ').Append(E(feature.Title)).Append("</a><ul>");
                foreach (var child in feature.Document?.Feature?.Children ?? [])
                {
                    if (child.Scenario is { } scenario)
                    {
                        Scenario(html, feature, scenario);
                    }
                    else if (child.Rule is { } rule)
                    {
                        html.Append("<li class=\"node-rule\"><a href=\"#").Append(E(PageContext.Anchor(feature, "r", rule.Id))).Append("\">").Append(E(rule.Name)).Append("</a><ul>");
                        foreach (var ruleScenario in rule.Children.Select(c => c.Scenario).OfType<Io.Cucumber.Messages.Types.Scenario>())
                        {
                            Scenario(html, feature, ruleScenario);
                        }

                        html.Append("</ul></li>");
                    }
                }

                html.Append("</ul></li>\n");
            }

            html.Append("</ul></li>\n");
        }

        html.Append("</ul></nav>\n");
    }

    private static void Scenario(StringBuilder html, DocFeature feature, Io.Cucumber.Messages.Types.Scenario scenario) =>
        html.Append("<li class=\"node-scenario\" data-scenario=\"").Append(E(PageContext.Anchor(feature, "s", scenario.Id))).Append("\"><a href=\"#")
            .Append(E(PageContext.Anchor(feature, "s", scenario.Id))).Append("\">")
            .Append(E(scenario.Name)).Append("</a></li>");
}
