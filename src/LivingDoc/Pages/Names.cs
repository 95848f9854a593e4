using System.Text.RegularExpressions;
using Io.Cucumber.Messages.Types;
using LivingDoc.Model;
using static LivingDoc.Pages.Html;

namespace LivingDoc.Pages;

/// <summary>
/// How scenarios are named for a reader: an outline's title never shows a raw <c>&lt;placeholder&gt;</c> (it is
/// shown as the column's name, set apart, or as "…" in plain text), and an outline row is named by its values.
/// </summary>
internal static partial class Names
{
    [GeneratedRegex("<([^<>]+)>")]
    private static partial Regex Placeholder();

    /// <summary>The title as HTML: an outline's placeholders as <c>&lt;span class="ph"&gt;column&lt;/span&gt;</c>.</summary>
    public static string TitleHtml(Scenario scenario) => scenario.Examples.Count == 0
        ? E(scenario.Name)
        : Fallback(scenario) ?? string.Join("", Placeholder().Split(scenario.Name).Select((part, i) => i % 2 == 0 ? E(part) : $"<span class=\"ph\">{E(part)}</span>"));

    /// <summary>The title as plain text: an outline's placeholders as "…".</summary>
    public static string Title(Scenario scenario) => scenario.Examples.Count == 0
        ? scenario.Name
        : Fallback(scenario) ?? Placeholder().Replace(scenario.Name, "…");

    /// <summary>
    /// A pickle's name: an outline row's substituted title; when the title has no placeholder, the title and the row's
    /// <c>description</c> cell, else its values ("Increase: by 1, total 1").
    /// </summary>
    public static string Of(DocFeature feature, Pickle pickle)
    {
        if (pickle.AstNodeIds.Count < 2 || feature.Scenario(pickle.AstNodeIds[0]) is not { } outline)
        {
            return pickle.Name;
        }

        var examples = outline.Examples.FirstOrDefault(e => e.TableBody.Any(r => r.Id == pickle.AstNodeIds[1]));
        var row = examples?.TableBody.First(r => r.Id == pickle.AstNodeIds[1]);
        if (examples?.TableHeader is null || row is null || (pickle.Name != outline.Name && !string.IsNullOrWhiteSpace(pickle.Name)))
        {
            return pickle.Name;
        }

        var pairs = examples.TableHeader.Cells.Zip(row.Cells, (h, c) => (Header: h.Value, c.Value)).ToList();
        var values = pairs.FirstOrDefault(p => p.Header == "description") is { Value.Length: > 0 } described
            ? described.Value
            : string.Join(", ", pairs.Select(p => $"{p.Header} {p.Value}"));
        return Fallback(outline) is null ? $"{pickle.Name}: {values}" : values;
    }

    /// <summary>For an outline titled only by placeholders: "Examples at line 12"; else null.</summary>
    private static string? Fallback(Scenario scenario) =>
        Placeholder().Replace(scenario.Name, "").Trim(' ', ':', '-', ',', '.').Length == 0 ? $"Examples at line {scenario.Location.Line}" : null;
}
