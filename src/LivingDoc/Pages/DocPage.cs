using System.Globalization;
using System.Text;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>
/// The living documentation as one self-contained page (inline style and script, no network): the run's totals,
/// live search and tag filter, the feature tree, every feature, the step-definition usage and the requirements.
/// </summary>
internal static class DocPage
{
    public static string Render(PageContext context)
    {
        var run = context.Run;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>Living documentation</title>\n<style>\n").Append(Style.Css).Append("</style>\n</head>\n<body>\n");
        var total = run.Count(run.Features.SelectMany(f => f.Pickles));
        html.Append("<header class=\"top\"><div class=\"title\"><h1>Living documentation</h1><p class=\"subtitle\">")
            .Append(Plural(run.Features.Count, "feature")).Append(", ").Append(Plural(total.Total, "scenario")).Append(" &middot; ")
            .Append(run.FinishedAt is { } finished
                ? "run finished " + E(finished.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
                : "documentation only: no run results")
            .Append(" &middot; <a href=\"#steps\">step definitions</a> &middot; <a href=\"#requirements\">requirements</a></p></div>\n")
            .Append("<div class=\"filters\"><input id=\"search\" type=\"search\" placeholder=\"Search titles, steps, descriptions\" aria-label=\"Search\">")
            .Append("<input id=\"tags\" type=\"search\" placeholder=\"Tags: @drain and not @process\" aria-label=\"Tag filter\">")
            .Append("<span id=\"tag-error\" class=\"error\" hidden></span></div>\n<div id=\"totals\">");
        Counts(html, total);
        html.Append("</div>\n</header>\n<div class=\"layout\">\n");
        Tree.Render(html, run);
        html.Append("<main id=\"features\">\n");
        foreach (var feature in run.Features)
        {
            FeatureSection.Render(html, feature, context);
        }

        html.Append("<p id=\"nothing\" hidden>No scenario matches.</p>\n");
        UsageSection.Render(html, context);
        RequirementsSection.Render(html, context);
        html.Append("</main>\n</div>\n<script>\n").Append(Script.Js).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static string Plural(int count, string noun) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");
}
