using System.Text;
using Io.Cucumber.Messages.Types;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>
/// One feature as a section of the page: description, rules, backgrounds, and each scenario as a collapsible entry
/// with its steps, result, failure, step log ("show output") and Examples rows. Every scenario and row carries its
/// tags, status and searchable text as data attributes for the page's search and tag filter.
/// </summary>
internal static class FeatureSection
{
    public static void Render(StringBuilder html, DocFeature feature, PageContext context)
    {
        var doc = feature.Document?.Feature;
        var counts = context.Run.Count(feature.Pickles);
        html.Append("<section class=\"feature\" id=\"").Append(E(FeatureAnchor(feature))).Append("\" data-search=\"")
            .Append(E(Searchable(feature.Title, doc?.Description))).Append("\">\n<h2><span class=\"kw\">").Append(E(doc?.Keyword ?? "Feature"))
            .Append(":</span> ").Append(E(feature.Title)).Append(' ').Append(Badge(context.Run.Worst(feature.Pickles)));
        Trend(html, context.TrendOf(feature));
        html.Append("</h2>\n<div class=\"uri\">").Append(E(feature.Uri)).Append("</div>");
        html.Append("<div class=\"fcounts\">");
        Counts(html, counts);
        html.Append("</div>\n");
        if (feature.Errors.Count > 0)
        {
            html.Append("<pre class=\"failure\">").Append(E(string.Join("\n", feature.Errors))).Append("</pre>\n");
        }

        if (doc is not null)
        {
            TagLinks(html, doc.Tags.Select(t => t.Name), context);
            Description(html, doc.Description);
            foreach (var child in doc.Children)
            {
                Child(html, feature, context, child.Background, child.Scenario);
                if (child.Rule is { } rule)
                {
                    Rule(html, feature, context, rule);
                }
            }
        }

        html.Append("</section>\n");
    }

    public static string FeatureAnchor(DocFeature feature) => "f-" + feature.PageName[..^".html".Length];

    private static void Rule(StringBuilder html, DocFeature feature, PageContext context, Rule rule)
    {
        var pickles = rule.Children.Where(c => c.Scenario is not null).SelectMany(c => PageContext.PicklesOf(feature, c.Scenario!.Id)).ToList();
        html.Append("<section class=\"rule\" id=\"").Append(E(PageContext.RuleAnchor(feature, rule))).Append("\"><h3><span class=\"kw\">").Append(E(rule.Keyword)).Append(":</span> ")
            .Append(E(rule.Name)).Append(' ').Append(Badge(context.Run.Worst(pickles))).Append("</h3>\n");
        TagLinks(html, rule.Tags.Select(t => t.Name), context);
        Description(html, rule.Description);
        foreach (var child in rule.Children)
        {
            Child(html, feature, context, child.Background, child.Scenario);
        }

        html.Append("</section>\n");
    }

    private static void Child(StringBuilder html, DocFeature feature, PageContext context, Background? background, Scenario? scenario)
    {
        if (background is not null)
        {
            html.Append("<div class=\"background\"><h4><span class=\"kw\">").Append(E(background.Keyword)).Append(":</span> ").Append(E(background.Name)).Append("</h4>\n");
            Steps.Render(html, context.Run, background.Steps, null, null);
            html.Append("</div>\n");
        }

        if (scenario is not null)
        {
            ScenarioEntry.Render(html, feature, context, scenario);
        }
    }

    private static void Trend(StringBuilder html, IReadOnlyList<DocStatus> trend)
    {
        if (trend.Count < 2)
        {
            return;
        }

        html.Append("<span class=\"trend\" title=\"the last ").Append(trend.Count).Append(" runs, oldest first\">");
        foreach (var status in trend)
        {
            html.Append("<i class=\"").Append(CssClass(status)).Append("\" title=\"").Append(StatusName(status)).Append("\"></i>");
        }

        html.Append("</span>");
    }

    /// <summary>Tags, with a requirement tag as a link to its entry on the traceability list.</summary>
    public static void TagLinks(StringBuilder html, IEnumerable<string> tags, PageContext context)
    {
        var list = tags.ToList();
        if (list.Count == 0)
        {
            return;
        }

        html.Append("<div class=\"tags\">");
        foreach (var tag in list)
        {
            if (context.Config.RequirementOf(tag) is { } requirement)
            {
                var title = context.RequirementOfTag(tag)?.Title;
                var target = title is null && context.Requirements.Count > 0 ? "requirements-unknown" : PageContext.RequirementAnchor(requirement);
                html.Append("<a class=\"tag req\" href=\"#").Append(E(target)).Append('"')
                    .Append(title is null ? "" : $" title=\"{E(requirement)}: {E(title)}\"").Append('>').Append(E(tag)).Append("</a>");
            }
            else
            {
                html.Append("<span class=\"tag\">").Append(E(tag)).Append("</span>");
            }
        }

        html.Append("</div>\n");
    }

    /// <summary>Lower-cased text for the search.</summary>
    public static string Searchable(params string?[] parts) =>
        string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim())).ToLowerInvariant();
}
