using System.Text;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>A list of steps with their results, data tables and doc strings; the arguments a step definition matched are highlighted.</summary>
internal static class Steps
{
    public static void Render(StringBuilder html, LivingDocRun run, IReadOnlyList<Io.Cucumber.Messages.Types.Step> steps, PickleOutcome? outcome, IReadOnlySet<string>? parameters)
    {
        html.Append("<ol class=\"steps\">");
        foreach (var step in steps)
        {
            var result = outcome?.Steps.GetValueOrDefault(step.Id);
            html.Append("<li");
            if (result is not null)
            {
                html.Append(" class=\"").Append(CssClass(result.Status)).Append("\" title=\"").Append(StatusName(result.Status)).Append('"');
            }

            html.Append("><span class=\"kw\">").Append(E(step.Keyword.TrimEnd())).Append("</span> ")
                .Append(run.Arguments.TryGetValue(step.Id, out var matched) && matched.Text == step.Text
                    ? Arguments(step.Text, matched.Values)
                    : Parameters(step.Text, parameters));
            if (step.DataTable is not null)
            {
                Table(html, step.DataTable.Rows.Select(r => r.Cells.Select(c => c.Value).ToList()).ToList());
            }

            if (step.DocString is not null)
            {
                html.Append("<pre class=\"docstring\">").Append(E(step.DocString.Content)).Append("</pre>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ol>\n");
    }

    /// <summary>Escapes a step text and highlights the arguments its step definition matched (such as 3 or "gpu-0").</summary>
    internal static string Arguments(string text, IReadOnlyList<(long Start, string Value)> arguments)
    {
        var html = new StringBuilder();
        var cursor = 0;
        foreach (var (position, value) in arguments.OrderBy(a => a.Start))
        {
            var start = (int)position;
            if (start < cursor || start + value.Length > text.Length || string.CompareOrdinal(text, start, value, 0, value.Length) != 0)
            {
                continue;
            }

            html.Append(E(text[cursor..start])).Append("<span class=\"arg\">").Append(E(value)).Append("</span>");
            cursor = start + value.Length;
        }

        return html.Append(E(text[cursor..])).ToString();
    }

    /// <summary>Escapes a step text and highlights the outline's parameters (Examples header names) such as &lt;leases&gt;.</summary>
    private static string Parameters(string text, IReadOnlySet<string>? parameters)
    {
        var escaped = E(text);
        return parameters is null || parameters.Count == 0
            ? escaped
            : System.Text.RegularExpressions.Regex.Replace(escaped, "&lt;([^&<>]+)&gt;",
                m => parameters.Contains(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)) ? $"<span class=\"param\">{m.Value}</span>" : m.Value);
    }

    private static void Table(StringBuilder html, List<List<string>> rows)
    {
        html.Append("<div class=\"scroll\"><table class=\"datatable\">");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append("<td>").Append(E(cell)).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table></div>");
    }
}
