using System.Globalization;
using System.Net;
using System.Text;
using LivingDoc.Model;

namespace LivingDoc.Pages;

/// <summary>Small HTML building blocks shared by the living documentation pages.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

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

}
