using System.Collections.Specialized;
using Bdd.Bindings;
using Bdd.Events;
using Bdd.Gherkin.Ast;
using Bdd.Gherkin.Pickles;
using Bdd.Matching;

namespace Bdd.Execution;

/// <summary>
/// A pickle prepared once: scenario info parts, the hooks that apply, every step matched (scopes and
/// tags never change for a pickle), and the test case plan for events.
/// </summary>
internal sealed class ScenarioPlan
{
    public ScenarioPlan(CompiledFeature feature, Pickle pickle, BindingRegistry registry, RunIds ids)
    {
        Pickle = pickle;
        var (scenario, rule) = feature.Scenario(pickle.AstNodeIds[0]);
        Scenario = scenario;
        var ownTags = scenario.Tags.Select(t => t.Name.TrimStart('@')).ToList();
        var arguments = new List<KeyValuePair<string, string>>();
        if (pickle.AstNodeIds.Count > 1 && feature.TryGetExampleRow(pickle.AstNodeIds[1], out var example))
        {
            ownTags.AddRange(example.Examples.Tags.Select(t => t.Name.TrimStart('@')));
            var header = example.Examples.TableHeader?.Cells ?? [];
            for (var i = 0; i < header.Count && i < example.Row.Cells.Count; i++)
                arguments.Add(new(header[i].Value, example.Row.Cells[i].Value));
        }
        Tags = [.. ownTags.Distinct(StringComparer.Ordinal)];
        CombinedTags = [.. pickle.Tags.Select(t => t.Name.TrimStart('@')).Distinct(StringComparer.Ordinal)];
        InheritedTags = [.. CombinedTags.Except(Tags, StringComparer.Ordinal)];
        Arguments = arguments;
        Description = CompiledFeature.NullIfEmpty(scenario.Description);
        RuleTitle = rule?.Name;
        Target = new ScopeTarget(feature.FeatureInfo.Title, pickle.Name, CombinedTags, scenario.Name);

        BeforeScenario = Applicable(registry, HookKind.BeforeScenario);
        AfterScenario = Applicable(registry, HookKind.AfterScenario);
        BeforeStep = Applicable(registry, HookKind.BeforeStep);
        AfterStep = Applicable(registry, HookKind.AfterStep);

        TestCaseId = ids.NewId();
        var steps = new List<StepPlan>(pickle.Steps.Count);
        StepDefinitionType? previous = null;
        foreach (var pickleStep in pickle.Steps)
        {
            var astStep = feature.Step(pickleStep.AstNodeIds[0]);
            var type = pickleStep.Type switch
            {
                PickleStepType.Context => StepDefinitionType.Given,
                PickleStepType.Action => StepDefinitionType.When,
                PickleStepType.Outcome => StepDefinitionType.Then,
                _ => previous ?? StepDefinitionType.Given,
            };
            previous = type;
            var kind = pickleStep.Argument?.DataTable is not null ? StepArgumentKind.DataTable
                : pickleStep.Argument?.DocString is not null ? StepArgumentKind.DocString : StepArgumentKind.None;
            var match = StepMatcher.Match(registry, type, pickleStep.Text, kind, Target);
            steps.Add(new StepPlan(pickleStep, astStep.Keyword, astStep.Location.Line, type, match, ids.NewId()));
        }
        Steps = steps;
        BeforeHookStepIds = [.. BeforeScenario.Select(_ => ids.NewId())];
        AfterHookStepIds = [.. AfterScenario.Select(_ => ids.NewId())];
    }

    public Pickle Pickle { get; }

    public Scenario Scenario { get; }

    public string[] Tags { get; }

    public string[] CombinedTags { get; }

    public string[] InheritedTags { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Arguments { get; }

    public string? Description { get; }

    public string? RuleTitle { get; }

    public ScopeTarget Target { get; }

    public HookBinding[] BeforeScenario { get; }

    public HookBinding[] AfterScenario { get; }

    public HookBinding[] BeforeStep { get; }

    public HookBinding[] AfterStep { get; }

    public IReadOnlyList<StepPlan> Steps { get; }

    public string TestCaseId { get; }

    public string[] BeforeHookStepIds { get; }

    public string[] AfterHookStepIds { get; }

    public ScenarioInfo CreateScenarioInfo()
    {
        var arguments = new OrderedDictionary(StringComparer.Ordinal);
        foreach (var (name, value) in Arguments)
            arguments[name] = value;
        return new ScenarioInfo(Pickle.Name, Description, Tags, arguments, InheritedTags) { Rule = RuleTitle };
    }

    /// <summary>The test case plan (Cucumber's testCase): before hooks, steps, after hooks.</summary>
    public IReadOnlyList<TestStepDescriptor> Describe(Func<HookBinding, string> hookId, Func<Bindings.StepBinding, string> stepDefinitionId)
    {
        var result = new List<TestStepDescriptor>();
        for (var i = 0; i < BeforeScenario.Length; i++)
            result.Add(new TestStepDescriptor(BeforeHookStepIds[i], null, hookId(BeforeScenario[i]), []));
        foreach (var step in Steps)
        {
            IReadOnlyList<Bindings.StepBinding> definitions = step.Match.Kind == MatchKind.Matched ? [step.Match.Binding!] : step.Match.Candidates;
            result.Add(new TestStepDescriptor(step.TestStepId, step.Step.Id, null, [.. definitions.Select(stepDefinitionId)])
            {
                StepMatchArgumentsLists = [.. definitions.Select(definition => definition.Expression.MatchArguments(step.Text))],
            });
        }
        for (var i = 0; i < AfterScenario.Length; i++)
            result.Add(new TestStepDescriptor(AfterHookStepIds[i], null, hookId(AfterScenario[i]), []));
        return result;
    }

    private HookBinding[] Applicable(BindingRegistry registry, HookKind kind)
        => [.. registry.Hooks(kind).Where(h => h.Applies(Target))];
}
