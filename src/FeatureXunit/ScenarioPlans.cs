using Gherkin;
using Io.Cucumber.Messages.Types;

namespace FeatureXunit;

/// <summary>
/// Builds a <see cref="ScenarioPlan"/> for every pickle of a feature, as Reqnroll's own code-behind would call the
/// runner: the scenario's AST title (not the pickle's substituted one), its tags plus its Examples block's, the
/// feature's and rule's tags as inherited, the outline's arguments keyed by the first Examples header, and per
/// pickle step the AST step's keyword (And is checked before Given/When/Then/But, as '*' is in every list).
/// </summary>
internal static class ScenarioPlans
{
    public static IReadOnlyList<ScenarioPlan> Build(GherkinDocument document, IReadOnlyList<Pickle> pickles)
    {
        var feature = document.Feature ?? throw new InvalidOperationException($"{document.Uri} has no Feature.");
        var dialect = new GherkinDialectProvider(feature.Language).DefaultDialect;
        var index = new DocumentIndex(feature);
        return pickles.Select(pickle => Plan(pickle, index, dialect, Names(feature.Tags))).ToArray();
    }

    private static ScenarioPlan Plan(Pickle pickle, DocumentIndex index, GherkinDialect dialect, string[] featureTags)
    {
        var (scenario, rule) = index.Scenario(pickle.AstNodeIds[0]);
        var row = pickle.AstNodeIds.Count > 1 ? index.Row(pickle.AstNodeIds[1]) : default;
        var tags = Names(scenario.Tags).Concat(row.Examples is null ? [] : Names(row.Examples.Tags)).ToArray();
        var ruleTags = rule is null ? [] : Names(rule.Tags);
        var header = scenario.Examples.FirstOrDefault()?.TableHeader?.Cells.Select(c => c.Value).ToArray() ?? [];
        var arguments = row.Row is null
            ? []
            : header.Zip(row.Row.Cells, (name, cell) => new KeyValuePair<string, string>(name, cell.Value)).ToArray();
        var steps = pickle.Steps.Select(step => Call(step, index.Step(step.AstNodeIds[0]), dialect)).ToArray();
        var ruleInfo = rule is null ? null : new Reqnroll.RuleInfo(rule.Name, NullIfEmpty(rule.Description), ruleTags);
        return new ScenarioPlan(
            scenario.Name, NullIfEmpty(scenario.Description), tags, [.. featureTags, .. ruleTags], arguments, ruleInfo, steps,
            row.Row?.Location.Line ?? scenario.Location.Line);
    }

    private static StepCall Call(PickleStep pickleStep, Step step, GherkinDialect dialect)
    {
        var rows = pickleStep.Argument?.DataTable?.Rows.Select(r => (IReadOnlyList<string>)r.Cells.Select(c => c.Value).ToArray()).ToArray();
        return new StepCall(Kind(step.Keyword, dialect), step.Keyword, pickleStep.Text, pickleStep.Argument?.DocString?.Content, rows, step.Location.Line);
    }

    private static StepKind Kind(string keyword, GherkinDialect dialect) =>
        dialect.AndStepKeywords.Contains(keyword) ? StepKind.And
        : dialect.GivenStepKeywords.Contains(keyword) ? StepKind.Given
        : dialect.WhenStepKeywords.Contains(keyword) ? StepKind.When
        : dialect.ThenStepKeywords.Contains(keyword) ? StepKind.Then
        : dialect.ButStepKeywords.Contains(keyword) ? StepKind.But
        : StepKind.And;

    private static string[] Names(IEnumerable<Tag> tags) => tags.Select(t => t.Name.TrimStart('@')).ToArray();

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;
}
