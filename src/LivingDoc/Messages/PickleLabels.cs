using Io.Cucumber.Messages.Types;

namespace LivingDoc.Messages;

/// <summary>
/// Part of <see cref="Verification"/>: every pickle is labelled with a place in its feature's document, which is
/// where the pages show its result. Its uri has a GherkinDocument, its first AST id is a scenario of it, an
/// outline's pickle also names one of the outline's Examples rows, and each pickle step names a step of the
/// scenario or of a Background.
/// </summary>
internal static class PickleLabels
{
    public static void Check(RunMessages messages, List<string> problems)
    {
        foreach (var pickle in messages.Pickles)
        {
            if (messages.DocumentOf(pickle.Uri)?.Feature is not { } feature)
            {
                problems.Add($"scenario {Verification.Name(pickle)} is in {pickle.Uri}, for which the messages have no feature (no GherkinDocument)");
                continue;
            }

            var scenarios = feature.Children.SelectMany(c => c.Rule is { } rule ? rule.Children.Select(r => r.Scenario) : [c.Scenario]).OfType<Scenario>();
            var scenario = pickle.AstNodeIds.Count == 0 ? null : scenarios.FirstOrDefault(s => s.Id == pickle.AstNodeIds[0]);
            if (scenario is null)
            {
                problems.Add($"scenario {Verification.Name(pickle)} names AST node {pickle.AstNodeIds.FirstOrDefault() ?? "(none)"}, which is no scenario of {pickle.Uri}");
                continue;
            }

            var rows = scenario.Examples.SelectMany(e => e.TableBody).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            if (rows.Count > 0 && (pickle.AstNodeIds.Count < 2 || !rows.Contains(pickle.AstNodeIds[1])))
            {
                problems.Add($"scenario {Verification.Name(pickle)} is of outline '{scenario.Name}' (line {scenario.Location.Line}) but names none of its Examples rows");
            }

            var steps = scenario.Steps.Concat(Backgrounds(feature).SelectMany(b => b.Steps)).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var step in pickle.Steps.Where(s => s.AstNodeIds.Count == 0 || !steps.Contains(s.AstNodeIds[0])))
            {
                problems.Add($"step '{step.Text}' of scenario {Verification.Name(pickle)} names no step of the scenario '{scenario.Name}' (line {scenario.Location.Line}) or of a Background");
            }
        }
    }

    private static IEnumerable<Background> Backgrounds(Feature feature) =>
        feature.Children.Select(c => c.Background)
            .Concat(feature.Children.Where(c => c.Rule is not null).SelectMany(c => c.Rule.Children.Select(r => r.Background)))
            .OfType<Background>();
}
