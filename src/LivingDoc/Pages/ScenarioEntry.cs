using System.Text;
using Io.Cucumber.Messages.Types;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>
/// A scenario as a collapsible entry (<c>details</c>): title, status, duration and a flaky mark in its summary; tags,
/// description, steps with their results, the failure, the step log and the Examples rows when opened.
/// </summary>
internal static class ScenarioEntry
{
    public static void Render(StringBuilder html, DocFeature feature, PageContext context, Scenario scenario)
    {
        var pickles = PageContext.PicklesOf(feature, scenario.Id);
        var status = context.Run.Worst(pickles);
        var outcomes = pickles.Select(context.Run.OutcomeOf).OfType<PickleOutcome>().ToList();
        var anchor = context.Anchor(feature, scenario);
        var plain = scenario.Examples.Count == 0 && pickles.Count == 1 ? pickles[0] : null;
        var search = FeatureSection.Searchable([scenario.Name, scenario.Description, context.SearchableTags(pickles), .. scenario.Steps.Select(s => s.Keyword + s.Text),
            .. scenario.Examples.SelectMany(e => e.TableBody.SelectMany(r => r.Cells.Select(c => c.Value)))]);
        html.Append("<details class=\"scenario ").Append(CssClass(status)).Append(plain is null ? "" : " pickle").Append("\" id=\"").Append(E(anchor))
            .Append("\" data-search=\"").Append(E(search)).Append('"');
        if (plain is not null)
        {
            html.Append(" data-status=\"").Append(CssClass(status)).Append("\" data-tags=\"").Append(E(PageContext.TagList(plain))).Append('"');
        }

        html.Append("><summary><span class=\"kw\">").Append(E(scenario.Keyword)).Append(":</span> ").Append(Names.TitleHtml(scenario)).Append(' ').Append(Badge(status));
        html.Append(Marks.Html(pickles.Select(p => context.MarksOf(feature, p))));

        if (outcomes.Count > 0)
        {
            html.Append("<span class=\"duration\">").Append(Duration(outcomes.Aggregate(TimeSpan.Zero, (sum, o) => sum + o.Duration))).Append("</span>");
        }

        html.Append(CopyLink(anchor)).Append("</summary>\n<div class=\"body\">");
        FeatureSection.TagLinks(html, scenario.Tags.Select(t => t.Name), context);
        Description(html, scenario.Description);
        var parameters = scenario.Examples.Where(e => e.TableHeader is not null).SelectMany(e => e.TableHeader!.Cells.Select(c => c.Value)).ToHashSet(StringComparer.Ordinal);
        var plainOutcome = plain is null ? null : context.Run.OutcomeOf(plain);
        Steps.Render(html, context.Run, scenario.Steps, plainOutcome, parameters);
        if (plainOutcome is not null)
        {
            Failure(html, feature, plain!, plainOutcome, null);
            Output(html, plainOutcome, null);
        }

        foreach (var examples in scenario.Examples)
        {
            Examples(html, feature, context, examples, pickles);
        }

        html.Append("</div></details>\n");
    }

    /// <summary>"copy link": copies the address of a scenario or row (the script adds the page's own address).</summary>
    private static string CopyLink(string anchor) =>
        $"<a class=\"permalink\" href=\"#{E(anchor)}\" title=\"link to this\" aria-label=\"link to this\">#</a><button type=\"button\" class=\"copy\" data-anchor=\"{E(anchor)}\">copy link</button>";

    private static void Failure(StringBuilder html, DocFeature feature, Pickle pickle, PickleOutcome outcome, int? row)
    {
        if (FailuresBanner.MessageOf(pickle, outcome) is not { } message)
        {
            return;
        }

        html.Append("<div class=\"where\">").Append(row is null ? "" : $"Row {row.Value}: ").Append("<code>").Append(E(FailuresBanner.Where(feature, pickle, outcome)))
            .Append("</code></div><pre class=\"failure ").Append(CssClass(outcome.Status)).Append("\">").Append(E(message)).Append("</pre>\n");
    }

    /// <summary>"Show output": the step log of a run, each step with its status and duration, attachments in between.</summary>
    private static void Output(StringBuilder html, PickleOutcome outcome, int? row)
    {
        if (outcome.Log.Count == 0)
        {
            return;
        }

        html.Append("<details class=\"output\"><summary>Show output").Append(row is null ? "" : $" of row {row}").Append("</summary><pre>");
        foreach (var line in outcome.Log)
        {
            if (line.Status is { } status)
            {
                html.Append("<span class=\"").Append(CssClass(status)).Append("\">").Append(E(line.Text)).Append("</span>  <span class=\"muted\">")
                    .Append(StatusName(status)).Append(", ").Append(Duration(line.Duration)).Append("</span>\n");
                if (line.Message is { } message && status != DocStatus.Passed)
                {
                    html.Append("  ").Append(E(FailuresBanner.WithoutLocation(message))).Append('\n');
                }
            }
            else
            {
                html.Append("  &gt; ").Append(E(line.Text)).Append('\n');
            }
        }

        html.Append("</pre></details>\n");
    }

    private static void Examples(StringBuilder html, DocFeature feature, PageContext context, Examples examples, List<Pickle> pickles)
    {
        html.Append("<div class=\"examples\"><h5><span class=\"kw\">").Append(E(examples.Keyword)).Append(":</span> ").Append(E(examples.Name)).Append("</h5>\n");
        FeatureSection.TagLinks(html, examples.Tags.Select(t => t.Name), context);
        Description(html, examples.Description);
        html.Append("<div class=\"scroll\"><table class=\"datatable examples-table\">");
        if (examples.TableHeader is not null)
        {
            html.Append("<thead><tr>");
            foreach (var cell in examples.TableHeader.Cells)
            {
                html.Append("<th>").Append(E(cell.Value)).Append("</th>");
            }

            html.Append("<th>Status</th></tr></thead>");
        }

        html.Append("<tbody>");
        var details = new List<(int Row, Pickle Pickle, PickleOutcome Outcome)>();
        var index = 0;
        foreach (var row in examples.TableBody)
        {
            index++;
            var pickle = pickles.FirstOrDefault(p => p.AstNodeIds.Count > 1 && p.AstNodeIds[1] == row.Id);
            var outcome = pickle is null ? null : context.Run.OutcomeOf(pickle);
            var status = outcome?.Status ?? DocStatus.NotRun;
            html.Append("<tr class=\"pickle ").Append(CssClass(status)).Append("\" data-status=\"").Append(CssClass(status))
                .Append("\" data-tags=\"").Append(E(pickle is null ? "" : PageContext.TagList(pickle))).Append('"');
            if (pickle is not null)
            {
                html.Append(" id=\"").Append(E(context.Anchor(feature, pickle))).Append("\" title=\"").Append(E(Names.Of(feature, pickle))).Append('"');
            }

            html.Append('>');
            foreach (var cell in row.Cells)
            {
                html.Append("<td>").Append(E(cell.Value)).Append("</td>");
            }

            html.Append("<td>").Append(Badge(status));
            if (pickle is not null)
            {
                html.Append(Marks.Html([context.MarksOf(feature, pickle)]));
            }

            if (pickle is not null)
            {
                html.Append(CopyLink(context.Anchor(feature, pickle)));
            }

            html.Append("</td></tr>");
            if (outcome is not null)
            {
                details.Add((index, pickle!, outcome));
            }
        }

        html.Append("</tbody></table></div>\n");
        foreach (var (row, pickle, outcome) in details)
        {
            Failure(html, feature, pickle, outcome, row);
            Output(html, outcome, row);
        }

        html.Append("</div>\n");
    }
}
