using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Io.Cucumber.Messages.Types;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>
/// Failures first: when a scenario failed, was undefined or pending, the page opens on a list of each one, with
/// feature › scenario (row), the <c>file:line</c> of the step that stopped it and the whole message, linking to it.
/// </summary>
internal static partial class FailuresBanner
{
    public static void Render(StringBuilder html, PageContext context)
    {
        var items = context.Run.Features.SelectMany(f => f.Pickles.Select(p => (Feature: f, Pickle: p, Outcome: context.Run.OutcomeOf(p))))
            .Where(x => x.Outcome is { Status: DocStatus.Failed or DocStatus.Ambiguous or DocStatus.Undefined or DocStatus.Pending })
            .ToList();
        if (items.Count == 0)
        {
            return;
        }

        var failed = items.Count(i => i.Outcome!.Status is DocStatus.Failed or DocStatus.Ambiguous);
        html.Append("<section id=\"failures\" class=\"failures\"><h2>")
            .Append(failed > 0 ? DocPage.Plural(failed, "scenario") + " failed" : "Nothing failed")
            .Append(items.Count > failed ? ", " + (items.Count - failed).ToString(CultureInfo.InvariantCulture) + " undefined or pending" : "")
            .Append("</h2>\n<ol>");
        foreach (var (feature, pickle, outcome) in items)
        {
            var anchor = context.Anchor(feature, pickle);
            html.Append("<li class=\"").Append(CssClass(outcome!.Status)).Append("\" data-target=\"").Append(E(anchor)).Append("\">")
                .Append(Badge(outcome.Status)).Append(" <a href=\"#").Append(E(anchor)).Append("\">").Append(E(feature.Title)).Append(" › ")
                .Append(E(Names.Of(feature, pickle))).Append("</a>").Append(Marks.Html([context.MarksOf(feature, pickle)]))
                .Append(" <code class=\"where\">").Append(E(Where(feature, pickle, outcome))).Append("</code>");
            if (MessageOf(pickle, outcome) is { } message)
            {
                html.Append("<pre class=\"failure ").Append(CssClass(outcome.Status)).Append("\">").Append(E(message)).Append("</pre>");
            }

            html.Append("</li>\n");
        }

        html.Append("</ol></section>\n");
    }

    /// <summary>
    /// The failure's whole message, without the <c>file:line: </c> it starts with (the page shows <see cref="Where"/>
    /// beside it); for an undefined step without one, which step no definition matches.
    /// </summary>
    public static string? MessageOf(Pickle pickle, PickleOutcome outcome)
    {
        if (!string.IsNullOrWhiteSpace(outcome.Message) || outcome.Status == DocStatus.Passed)
        {
            return string.IsNullOrWhiteSpace(outcome.Message) ? null : WithoutLocation(outcome.Message);
        }

        var step = outcome.Steps.FirstOrDefault(s => s.Value.Status == outcome.Status).Key;
        var text = pickle.Steps.FirstOrDefault(s => s.AstNodeIds.Count > 0 && s.AstNodeIds[0] == step)?.Text;
        return outcome.Status == DocStatus.Undefined && text is not null ? $"No step definition matches the step \"{text}\"." : null;
    }

    /// <summary>
    /// <c>features/x.feature:14</c>: the line of the first step that did not pass, else of the outline row or the
    /// scenario (a hook failed); an outline row's failing step adds the row's line.
    /// </summary>
    public static string Where(DocFeature feature, Pickle pickle, PickleOutcome outcome)
    {
        var step = outcome.Steps.FirstOrDefault(s => s.Value.Status is not (DocStatus.Passed or DocStatus.Skipped)).Key;
        var row = pickle.AstNodeIds.Count > 1 ? feature.LineOf(pickle.AstNodeIds[1]) : null;
        var line = (step is null ? null : feature.LineOf(step)) ?? row ?? feature.LineOf(pickle.AstNodeIds.FirstOrDefault() ?? "");
        var where = feature.Uri + (line is null ? "" : ":" + line.Value.ToString(CultureInfo.InvariantCulture));
        return step is not null && row is not null ? where + " (row at line " + row.Value.ToString(CultureInfo.InvariantCulture) + ")" : where;
    }

    /// <summary>A step's failure message without the <c>file:line: </c> it starts with, for a place that shows the location beside it.</summary>
    public static string WithoutLocation(string message) => LeadingLocation().Replace(message, "", 1);

    /// <summary>The <c>features/x.feature:14: </c> a step's failure message starts with.</summary>
    [GeneratedRegex(@"^\S+\.feature:\d+: ")]
    private static partial Regex LeadingLocation();
}
