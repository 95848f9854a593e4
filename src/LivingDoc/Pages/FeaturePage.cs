using System.Text;
using Io.Cucumber.Messages.Types;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>One feature: description, rules, backgrounds, scenarios with steps and arguments, examples with row statuses.</summary>
internal static class FeaturePage
{
    public static string Render(DocFeature feature, LivingDocRun run, string indexFileName)
    {
        var html = new StringBuilder();
        Head(html, feature.Title);
        html.Append("<nav><a href=\"").Append(E(indexFileName)).Append("\">&larr; All features</a> <span class=\"uri\">").Append(E(feature.Uri)).Append("</span></nav>\n");
        var doc = feature.Document?.Feature;
        var counts = run.Count(feature.Pickles);
        html.Append("<header><h1><span class=\"kw\">").Append(E(doc?.Keyword ?? "Feature")).Append(":</span> ").Append(E(feature.Title)).Append("</h1>");
        Counts(html, counts);
        Bar(html, counts);
        html.Append("</header>\n");
        if (feature.Errors.Count > 0)
            html.Append("<pre class=\"failure\">").Append(E(string.Join("\n", feature.Errors))).Append("</pre>\n");
        if (doc is null)
        {
            Foot(html);
            return html.ToString();
        }
        Tags(html, doc.Tags.Select(t => t.Name));
        Description(html, doc.Description);
        var context = new PageContext(feature, run);
        foreach (var child in doc.Children)
        {
            if (child.Background is not null)
                Background(html, context, child.Background);
            if (child.Scenario is not null)
                Scenario(html, context, child.Scenario);
            if (child.Rule is not null)
                Rule(html, context, child.Rule);
        }
        Foot(html);
        return html.ToString();
    }

    private sealed record PageContext(DocFeature Feature, LivingDocRun Run)
    {
        public List<Pickle> PicklesOf(string scenarioId) => [.. Feature.Pickles.Where(p => p.AstNodeIds[0] == scenarioId)];
    }

    private static void Rule(StringBuilder html, PageContext context, Rule rule)
    {
        var pickles = rule.Children.Where(c => c.Scenario is not null).SelectMany(c => context.PicklesOf(c.Scenario!.Id)).ToList();
        html.Append("<section class=\"rule\"><h2><span class=\"kw\">").Append(E(rule.Keyword)).Append(":</span> ").Append(E(rule.Name)).Append(' ')
            .Append(Badge(context.Run.Worst(pickles))).Append("</h2>\n");
        Tags(html, rule.Tags.Select(t => t.Name));
        Description(html, rule.Description);
        foreach (var child in rule.Children)
        {
            if (child.Background is not null)
                Background(html, context, child.Background);
            if (child.Scenario is not null)
                Scenario(html, context, child.Scenario);
        }
        html.Append("</section>\n");
    }

    private static void Background(StringBuilder html, PageContext context, Background background)
    {
        html.Append("<article class=\"background\"><h3><span class=\"kw\">").Append(E(background.Keyword)).Append(":</span> ").Append(E(background.Name)).Append("</h3>\n");
        Description(html, background.Description);
        Steps(html, context.Run, background.Steps, null, null);
        html.Append("</article>\n");
    }

    private static void Scenario(StringBuilder html, PageContext context, Scenario scenario)
    {
        var pickles = context.PicklesOf(scenario.Id);
        var status = context.Run.Worst(pickles);
        var outcomes = pickles.Select(context.Run.OutcomeOf).Where(o => o is not null).Select(o => o!).ToList();
        var duration = outcomes.Aggregate(TimeSpan.Zero, (sum, o) => sum + o.Duration);
        html.Append("<article class=\"scenario ").Append(CssClass(status)).Append("\" id=\"s-").Append(E(scenario.Id)).Append("\">")
            .Append("<h3><span class=\"kw\">").Append(E(scenario.Keyword)).Append(":</span> ").Append(E(scenario.Name)).Append(' ').Append(Badge(status));
        if (outcomes.Count > 0)
            html.Append("<span class=\"duration\">").Append(Duration(duration)).Append("</span>");
        html.Append("</h3>\n");
        Tags(html, scenario.Tags.Select(t => t.Name));
        Description(html, scenario.Description);
        var plain = scenario.Examples.Count == 0 && pickles.Count == 1 ? context.Run.OutcomeOf(pickles[0]) : null;
        var parameters = scenario.Examples.Where(e => e.TableHeader is not null).SelectMany(e => e.TableHeader!.Cells.Select(c => c.Value)).ToHashSet(StringComparer.Ordinal);
        Steps(html, context.Run, scenario.Steps, plain, parameters);
        if (plain?.Message is { } message && plain.Status != DocStatus.Passed)
            Failure(html, plain.Status, null, message);
        foreach (var examples in scenario.Examples)
            Examples(html, context, examples, pickles);
        html.Append("</article>\n");
    }

    private static void Failure(StringBuilder html, DocStatus status, int? row, string message)
    {
        html.Append("<pre class=\"failure ").Append(CssClass(status)).Append("\">");
        if (row is not null)
            html.Append("<b>Row ").Append(row.Value).Append(":</b> ");
        html.Append(E(message)).Append("</pre>\n");
    }

    private static void Steps(StringBuilder html, LivingDocRun run, IReadOnlyList<Step> steps, PickleOutcome? outcome, IReadOnlySet<string>? parameters)
    {
        html.Append("<ol class=\"steps\">");
        foreach (var step in steps)
        {
            var result = outcome?.Steps.GetValueOrDefault(step.Id);
            html.Append("<li");
            if (result is not null)
                html.Append(" class=\"").Append(CssClass(result.Status)).Append("\" title=\"").Append(StatusName(result.Status)).Append('"');
            html.Append("><span class=\"kw\">").Append(E(step.Keyword.TrimEnd())).Append("</span> ")
                .Append(run.Arguments.TryGetValue(step.Id, out var matched) && matched.Text == step.Text
                    ? Arguments(step.Text, matched.Values)
                    : Parameters(step.Text, parameters));
            if (step.DataTable is not null)
                Table(html, step.DataTable.Rows.Select(r => r.Cells.Select(c => c.Value).ToList()).ToList(), "datatable");
            if (step.DocString is not null)
                html.Append("<pre class=\"docstring\">").Append(E(step.DocString.Content)).Append("</pre>");
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
                continue;
            html.Append(E(text[cursor..start])).Append("<span class=\"arg\">").Append(E(value)).Append("</span>");
            cursor = start + value.Length;
        }
        return html.Append(E(text[cursor..])).ToString();
    }

    /// <summary>Escapes a step text and highlights the outline's parameters (Examples header names) such as &lt;leases&gt;.</summary>
    private static string Parameters(string text, IReadOnlySet<string>? parameters)
    {
        var escaped = E(text);
        if (parameters is null || parameters.Count == 0)
            return escaped;
        return System.Text.RegularExpressions.Regex.Replace(escaped, "&lt;([^&<>]+)&gt;",
            m => parameters.Contains(System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)) ? $"<span class=\"param\">{m.Value}</span>" : m.Value);
    }

    private static void Table(StringBuilder html, List<List<string>> rows, string cssClass)
    {
        html.Append("<table class=\"").Append(cssClass).Append("\">");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
                html.Append("<td>").Append(E(cell)).Append("</td>");
            html.Append("</tr>");
        }
        html.Append("</table>");
    }

    private static void Examples(StringBuilder html, PageContext context, Examples examples, List<Pickle> pickles)
    {
        html.Append("<div class=\"examples\"><h4><span class=\"kw\">").Append(E(examples.Keyword)).Append(":</span> ").Append(E(examples.Name)).Append("</h4>\n");
        Tags(html, examples.Tags.Select(t => t.Name));
        Description(html, examples.Description);
        html.Append("<table class=\"datatable examples-table\">");
        if (examples.TableHeader is not null)
        {
            html.Append("<thead><tr>");
            foreach (var cell in examples.TableHeader.Cells)
                html.Append("<th>").Append(E(cell.Value)).Append("</th>");
            html.Append("<th>Status</th></tr></thead>");
        }
        html.Append("<tbody>");
        var failures = new List<(int Row, DocStatus Status, string Message)>();
        var index = 0;
        foreach (var row in examples.TableBody)
        {
            index++;
            var pickle = pickles.FirstOrDefault(p => p.AstNodeIds.Count > 1 && p.AstNodeIds[1] == row.Id);
            var outcome = pickle is null ? null : context.Run.OutcomeOf(pickle);
            var status = outcome?.Status ?? DocStatus.NotRun;
            html.Append("<tr class=\"").Append(CssClass(status)).Append("\">");
            foreach (var cell in row.Cells)
                html.Append("<td>").Append(E(cell.Value)).Append("</td>");
            html.Append("<td>").Append(Badge(status));
            if (outcome is not null)
                html.Append(" <span class=\"duration\">").Append(Duration(outcome.Duration)).Append("</span>");
            html.Append("</td></tr>");
            if (outcome?.Message is { } message && status != DocStatus.Passed)
                failures.Add((index, status, message));
        }
        html.Append("</tbody></table>\n");
        foreach (var (row, status, message) in failures)
            Failure(html, status, row, message);
        html.Append("</div>\n");
    }
}
