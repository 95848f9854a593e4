using Io.Cucumber.Messages.Types;
using LivingDoc.Model;

namespace LivingDoc.Messages;

/// <summary>
/// Which step definition matched which steps in the run: every definition Reqnroll reported (used or not), with its
/// uses; and the steps that matched none (undefined) or several (ambiguous).
/// </summary>
internal static class StepUsageBuilder
{
    public static StepUsage Build(RunMessages messages, LivingDocRun run)
    {
        var features = run.Features.ToDictionary(f => f.Uri, StringComparer.Ordinal);
        var pickles = messages.PicklesById;
        var definitions = RunMessages.ById(messages.StepDefinitions, d => d.Id);
        var uses = definitions.Keys.ToDictionary(id => id, _ => new List<StepUse>(), StringComparer.Ordinal);
        var undefined = new List<StepUse>();
        var ambiguous = new List<StepUse>();
        foreach (var testCase in messages.TestCases)
        {
            if (!pickles.TryGetValue(testCase.PickleId, out var pickle) || !features.TryGetValue(pickle.Uri, out var feature))
            {
                continue;
            }

            foreach (var step in testCase.TestSteps.Where(s => s.PickleStepId is not null))
            {
                var text = pickle.Steps.FirstOrDefault(s => s.Id == step.PickleStepId)?.Text ?? "";
                var use = new StepUse(feature, pickle.Id, pickle.Name, text);
                var matched = step.StepDefinitionIds ?? [];
                (matched.Count switch { 0 => undefined, 1 => uses.GetValueOrDefault(matched[0]) ?? undefined, _ => ambiguous }).Add(use);
            }
        }

        var bindings = definitions.Values.Select(d => new BindingUsage(d.Pattern.Source, Method(d), uses[d.Id]))
            .OrderBy(b => b.Method, StringComparer.Ordinal).ThenBy(b => b.Pattern, StringComparer.Ordinal).ToArray();
        return new StepUsage(bindings, undefined, ambiguous);
    }

    private static string Method(StepDefinition definition) =>
        definition.SourceReference?.JavaMethod is { } method ? $"{method.ClassName}.{method.MethodName}"
        : definition.SourceReference?.Uri ?? "(unknown)";
}
