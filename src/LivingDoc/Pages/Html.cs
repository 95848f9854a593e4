using System.Globalization;
using System.Net;
using System.Text;
using LivingDoc.Model;

namespace LivingDoc.Pages;

/// <summary>Small HTML building blocks shared by the living documentation pages.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static void Head(StringBuilder html, string title)
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Site.StylesheetName).Append("\">\n")
            .Append("</head>\n<body>\n<main>\n");
    }

    public static void Foot(StringBuilder html) => html.Append("</main>\n</body>\n</html>\n");

    public static string StatusName(DocStatus status) => status switch
    {
        DocStatus.NotRun => "not run",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Badge(DocStatus status)
        => $"<span class=\"badge {CssClass(status)}\">{StatusName(status)}</span>";

    public static string CssClass(DocStatus status) => status switch
    {
        DocStatus.NotRun => "notrun",
        _ => status.ToString().ToLowerInvariant(),
    };

    public static string Duration(TimeSpan duration) => duration.TotalSeconds >= 1
        ? duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s"
        : duration.TotalMilliseconds >= 1 ? duration.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms" : "&lt; 1 ms";

    /// <summary>"n passed n failed n pending n skipped", then "n not run" when some scenarios did not run.</summary>
    public static void Counts(StringBuilder html, StatusCounts counts)
    {
        html.Append("<span class=\"counts\">");
        Count(html, counts.Passed, "passed");
        Count(html, counts.Failed, "failed");
        Count(html, counts.Pending, "pending");
        Count(html, counts.Skipped, "skipped");
        if (counts.NotRun > 0)
            Count(html, counts.NotRun, "not run", "notrun");
        html.Append("</span>");
    }

    /// <summary>A stacked bar of the counts (widths in percent of the total; not run is the light grey tail).</summary>
    public static void Bar(StringBuilder html, StatusCounts counts)
    {
        html.Append("<div class=\"bar\">");
        if (counts.Total > 0)
        {
            Segment(html, counts.Passed, counts.Total, "passed");
            Segment(html, counts.Failed, counts.Total, "failed");
            Segment(html, counts.Pending, counts.Total, "pending");
            Segment(html, counts.Skipped, counts.Total, "skipped");
            Segment(html, counts.NotRun, counts.Total, "notrun");
        }
        html.Append("</div>");
    }

    public static void Tags(StringBuilder html, IEnumerable<string> tags)
    {
        var list = tags.ToList();
        if (list.Count == 0)
            return;
        html.Append("<div class=\"tags\">");
        foreach (var tag in list)
            html.Append("<span class=\"tag\">").Append(E(tag)).Append("</span>");
        html.Append("</div>\n");
    }

    public static void Description(StringBuilder html, string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
            return;
        var lines = description.Split('\n').Select(l => l.Trim());
        var paragraphs = string.Join("\n", lines).Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        html.Append("<div class=\"description\">");
        foreach (var paragraph in paragraphs)
            html.Append("<p>").Append(E(paragraph.Trim()).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        html.Append("</div>\n");
    }

    private static void Count(StringBuilder html, int count, string name, string? cssClass = null)
        => html.Append("<span class=\"count ").Append(cssClass ?? name).Append("\" title=\"").Append(name).Append("\">")
            .Append(count.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(name).Append("</span>");

    private static void Segment(StringBuilder html, int count, int total, string name)
    {
        if (count == 0)
            return;
        var percent = (100.0 * count / total).ToString("0.##", CultureInfo.InvariantCulture);
        html.Append("<span class=\"").Append(name).Append("\" style=\"width:").Append(percent).Append("%\"></span>");
    }
}
