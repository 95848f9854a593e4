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

    /// <summary>
    /// The counts as buttons that filter by status: "n passed n failed n pending n skipped n not run", those above
    /// zero only, unless <paramref name="all"/>.
    /// </summary>
    public static void Counts(StringBuilder html, StatusCounts counts, bool all = false)
    {
        html.Append("<span class=\"counts\">");
        foreach (var (count, group) in new[] { (counts.Passed, "passed"), (counts.Failed, "failed"), (counts.Pending, "pending"), (counts.Skipped, "skipped"), (counts.NotRun, "notrun") })
        {
            if (all || count > 0)
                Count(html, count, group, all);
        }
        html.Append("</span>");
    }

    /// <summary>A feature's, rule's, scenario's or Examples' description, as Markdown (see <see cref="Markdown"/>).</summary>
    public static void Description(StringBuilder html, string? description)
    {
        if (string.IsNullOrWhiteSpace(description))
            return;
        html.Append("<div class=\"description\">").Append(Markdown.ToHtml(description)).Append("</div>\n");
    }

    /// <summary>A status group's name in the counts: "not run", and "pending or undefined" where there is room.</summary>
    public static string GroupName(string group, bool longNames) => group switch
    {
        "notrun" => "not run",
        "pending" when longNames => "pending or undefined",
        _ => group,
    };

    private static void Count(StringBuilder html, int count, string group, bool longNames)
        => html.Append("<button type=\"button\" class=\"count ").Append(group).Append("\" data-status=\"").Append(group).Append("\" aria-pressed=\"false\" title=\"show only these\">")
            .Append(count.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(GroupName(group, longNames)).Append("</button>");
}
