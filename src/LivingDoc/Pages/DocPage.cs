using System.Globalization;
using System.Text;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>
/// The living documentation as one self-contained page (inline style and script, no network). The header holds the
/// search, the tag filter and the status counts (which filter too); the feature tree is beside three views:
/// the specification (what failed first, then every feature), the requirements, and, for developers, the step
/// definitions. An address (<c>?q=&amp;tags=&amp;status=#anchor</c>) opens any state of it.
/// </summary>
internal static class DocPage
{
    public static string Render(PageContext context)
    {
        var run = context.Run;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Living documentation</title>\n<style>\n").Append(Style.Css).Append(Style.Layout).Append("</style>\n</head>\n<body>\n");
        var total = run.Count(run.Features.SelectMany(f => f.Pickles));
        html.Append("<header class=\"top\"><div class=\"title\"><h1>Living documentation</h1>");
        RunHeader.Render(html, context);
        html
            .Append("<nav class=\"tabs\"><a href=\"#\" data-view=\"view-spec\">Specification</a><a href=\"#requirements\" data-view=\"view-requirements\">Requirements</a>")
            .Append("<a href=\"#steps\" data-view=\"view-developer\">For developers</a></nav></div>\n")
            .Append("<div class=\"filters\"><input id=\"search\" type=\"search\" placeholder=\"Search scenarios, steps, requirements\" aria-label=\"Search\">")
            .Append("<textarea id=\"tags\" rows=\"1\" spellcheck=\"false\" placeholder=\"Tags: @drain and not @process\" aria-label=\"Tag filter\"></textarea></div>\n")
            .Append("<div id=\"tag-error\" class=\"error\" role=\"alert\" hidden></div>\n<div id=\"totals\">");
        Counts(html, total, all: true);
        html.Append("</div>\n</header>\n<div class=\"layout\">\n");
        Tree.Render(html, context);
        html.Append("<main id=\"features\">\n<div class=\"view\" id=\"view-spec\">\n");
        FailuresBanner.Render(html, context);
        foreach (var feature in run.Features)
        {
            FeatureSection.Render(html, feature, context);
        }

        html.Append("<p id=\"nothing\" hidden>No scenario matches.</p>\n</div>\n<div class=\"view\" id=\"view-requirements\" hidden>\n");
        RequirementsSection.Render(html, context);
        html.Append("</div>\n<div class=\"view\" id=\"view-developer\" hidden>\n");
        UsageSection.Render(html, context);
        html.Append("</div>\n</main>\n</div>\n<script>\n").Append(Script.Filter).Append(Script.Links).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
