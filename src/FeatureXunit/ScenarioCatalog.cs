using Io.Cucumber.Messages.Types;

namespace FeatureXunit;

/// <summary>
/// How one pickle appears in the test runner: its display name, its <c>Category</c> traits (every tag it carries or
/// inherits: feature, rule, scenario and Examples block), the feature's and the scenario's titles (the
/// <c>FeatureTitle</c> and <c>Description</c> traits, as in Reqnroll.xUnit), the line it navigates to (its
/// scenario, or its Examples row), its stable id (<see cref="ScenarioIds"/>) and the lines that select it.
/// </summary>
internal sealed record ScenarioEntry(string DisplayName, string FeatureTitle, string ScenarioTitle, IReadOnlyList<string> Categories, long Line, string Id, ScenarioLines Lines);

/// <summary>Builds a <see cref="ScenarioEntry"/> per pickle of a feature, in pickle order.</summary>
internal static class ScenarioCatalog
{
    public static IReadOnlyList<ScenarioEntry> Build(GherkinDocument document, IReadOnlyList<Pickle> pickles)
    {
        var feature = document.Feature ?? throw new InvalidOperationException($"{document.Uri} has no Feature.");
        var index = new DocumentIndex(feature);
        var ids = ScenarioIds.Build(document.Uri, feature);
        return pickles.Select(pickle =>
        {
            var (scenario, _) = index.Scenario(pickle.AstNodeIds[0]);
            var (examples, row) = pickle.AstNodeIds.Count > 1 ? index.Row(pickle.AstNodeIds[1]) : default;
            var display = pickle.Name.Length == 0 ? "(untitled scenario)" : pickle.Name;
            if (examples is not null && row is not null)
            {
                display += RowLabel(examples, row, titled: pickle.Name != scenario.Name);
            }

            var categories = pickle.Tags.Select(t => t.Name.TrimStart('@')).Distinct(StringComparer.Ordinal).ToArray();
            return new ScenarioEntry(display, feature.Name, scenario.Name, categories, row?.Location.Line ?? scenario.Location.Line,
                ScenarioIds.Of(pickle, ids), ScenarioLines.Of(scenario, examples, row));
        }).ToArray();
    }

    /// <summary>
    /// What tells an Examples row apart: its <c>description</c> cell when the table has one; nothing when the title
    /// already shows the row's values; else every cell.
    /// </summary>
    private static string RowLabel(Examples examples, TableRow row, bool titled)
    {
        var header = examples.TableHeader?.Cells.Select(c => c.Value).ToList() ?? [];
        var description = header.IndexOf("description");
        return description >= 0 && description < row.Cells.Count ? " [" + row.Cells[description].Value + "]"
            : titled ? ""
            : " [" + string.Join(", ", row.Cells.Select(c => c.Value)) + "]";
    }
}
