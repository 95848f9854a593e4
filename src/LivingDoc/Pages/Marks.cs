using System.Globalization;
using System.Text;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>The history's marks as small labels: failing since run K (and its commit), fixed, new, changed, flaky.</summary>
internal static class Marks
{
    /// <summary>The marks of one or more pickles (an outline's rows) together.</summary>
    public static string Html(IEnumerable<HistoryMarks> marks)
    {
        var list = marks.ToList();
        if (list.Count == 0)
        {
            return "";
        }

        var html = new StringBuilder();
        var since = list.Where(m => m.FailingSince is not null).Select(m => m.FailingSince!.Value).OrderBy(s => s.Run).FirstOrDefault();
        if (since.At is not null)
        {
            var when = since.At.FinishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
            var commit = since.At.Commit is { } c ? " at " + c[..Math.Min(7, c.Length)] : "";
            Mark(html, "failing-since", $"failing since run {since.Run}{commit}", $"failed in every run since run {since.Run} of the kept runs ({when}{commit})");
        }

        if (list.Any(m => m.Fixed))
            Mark(html, "fixed", "fixed", "failed in the last run, passes now");
        if (list.All(m => m.New))
            Mark(html, "new", "new", "not in any earlier kept run");
        if (list.Any(m => m.Changed))
            Mark(html, "changed", "changed", "its text differs from the last run that had it");
        if (list.Any(m => m.Flaky))
            Mark(html, "flaky", "flaky", "passed and failed from one run to the next with the same text at the same commit");
        return html.ToString();
    }

    private static void Mark(StringBuilder html, string kind, string text, string title) =>
        html.Append(" <span class=\"mark ").Append(kind).Append("\" title=\"").Append(E(title)).Append("\">").Append(E(text)).Append("</span>");
}
