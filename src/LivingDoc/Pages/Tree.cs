using System.Text;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>
/// The navigation tree: folder (an area, with its counts, which the script fills in), feature, rule, scenario; each
/// entry shows its status and links to its place on the page.
/// </summary>
internal static class Tree
{
    public static void Render(StringBuilder html, PageContext context)
    {
        var run = context.Run;
        html.Append("<nav id=\"tree\" aria-label=\"Features\"><ul>\n");
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
                        Scenario(html, feature, scenario, context);
                    }
                    else if (child.Rule is { } rule)
                    {
                        var pickles = rule.Children.Where(c => c.Scenario is not null).SelectMany(c => PageContext.PicklesOf(feature, c.Scenario!.Id));
                        html.Append("<li class=\"node-rule\"><a href=\"#").Append(E(PageContext.RuleAnchor(feature, rule))).Append("\">")
                            .Append(Dot(run.Worst(pickles))).Append(E(rule.Name)).Append("</a><ul>");
                        foreach (var ruleScenario in rule.Children.Select(c => c.Scenario).OfType<Io.Cucumber.Messages.Types.Scenario>())
                        {
                            Scenario(html, feature, ruleScenario, context);
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

    private static void Scenario(StringBuilder html, DocFeature feature, Io.Cucumber.Messages.Types.Scenario scenario, PageContext context)
    {
        var anchor = context.Anchor(feature, scenario);
        var status = context.Run.Worst(PageContext.PicklesOf(feature, scenario.Id));
        html.Append("<li class=\"node-scenario ").Append(CssClass(status)).Append("\" data-scenario=\"").Append(E(anchor)).Append("\"><a href=\"#").Append(E(anchor)).Append("\">")
            .Append(Dot(status)).Append(E(Names.Title(scenario))).Append("</a></li>");
    }

    /// <summary>A status as a coloured dot with its name for screen readers and tooltips.</summary>
    private static string Dot(DocStatus status) =>
        $"<i class=\"dot {CssClass(status)}\" title=\"{StatusName(status)}\" aria-label=\"{StatusName(status)}\"></i>";
}
