using System.Globalization;
using System.Text;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>
/// The header's account of the run: commit, branch, date, duration and the versions of .NET and Reqnroll, and a
/// chart of the kept runs (a bar per run, passed / failed / pending or undefined / skipped, oldest first).
/// </summary>
internal static class RunHeader
{
    private const int BarHeight = 34;

    public static void Render(StringBuilder html, PageContext context)
    {
        var run = context.Run;
        var info = context.Info;
        var total = run.Count(run.Features.SelectMany(f => f.Pickles));
        html.Append("<p class=\"subtitle\">").Append(DocPage.Plural(run.Features.Count, "feature")).Append(", ").Append(DocPage.Plural(total.Total, "scenario")).Append(" &middot; ");
        if (run.FinishedAt is not { } finished)
        {
            html.Append("documentation only: no run results</p>\n");
            return;
        }

        var parts = new List<string>();
        if (info.Commit is { } commit)
            parts.Add("commit <code title=\"" + E(commit) + "\">" + E(commit[..Math.Min(7, commit.Length)]) + "</code>" + (info.Branch is { } b ? " on <b>" + E(b) + "</b>" : ""));
        parts.Add("run finished " + E(finished.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)));
        if (info.Duration is { } duration)
            parts.Add("took " + Duration(duration));
        if (info.DotNet is { } dotnet)
            parts.Add(E(dotnet));
        if (info.Reqnroll is { } reqnroll)
            parts.Add(E(reqnroll));
        html.Append("<span id=\"run\">").AppendJoin(" &middot; ", parts.Select(p => "<span class=\"part\">" + p + "</span>")).Append("</span></p>\n");
        Chart(html, context.History);
    }

    private static void Chart(StringBuilder html, History history)
    {
        if (history.Runs.Count < 2)
        {
            return;
        }

        html.Append("<svg id=\"run-trend\" role=\"img\" width=\"").Append(history.Runs.Count * 12).Append("\" height=\"").Append(BarHeight)
            .Append("\" aria-label=\"the last ").Append(history.Runs.Count).Append(" runs, oldest first\">");
        for (var i = 0; i < history.Runs.Count; i++)
        {
            var counts = new StatusCounts();
            foreach (var result in history.Runs[i].Scenarios.Values)
                counts.Add(result.Status);
            var groups = new[] { ("passed", counts.Passed), ("failed", counts.Failed), ("pending", counts.Pending), ("skipped", counts.Skipped) };
            var y = (double)BarHeight;
            html.Append("<g><title>").Append(E(Describe(i + 1, history.Runs[i], counts))).Append("</title>");
            foreach (var (name, count) in groups.Where(g => g.Item2 > 0))
            {
                var height = BarHeight * (double)count / Math.Max(1, counts.Total);
                y -= height;
                html.Append("<rect class=\"").Append(name).Append("\" x=\"").Append(i * 12).Append("\" y=\"").Append(y.ToString("0.##", CultureInfo.InvariantCulture))
                    .Append("\" width=\"9\" height=\"").Append(height.ToString("0.##", CultureInfo.InvariantCulture)).Append("\"></rect>");
            }

            html.Append("</g>");
        }

        html.Append("</svg>\n");
    }

    private static string Describe(int number, HistoryRun run, StatusCounts counts) =>
        $"run {number}, {run.FinishedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}" +
        (run.Commit is { } c ? $", commit {c[..Math.Min(7, c.Length)]}" : "") +
        $": {counts.Passed} passed, {counts.Failed} failed, {counts.Pending} pending or undefined, {counts.Skipped} skipped";
}
