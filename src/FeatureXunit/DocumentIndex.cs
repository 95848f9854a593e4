using Io.Cucumber.Messages.Types;

namespace FeatureXunit;

/// <summary>The nodes of a GherkinDocument by id: scenarios with their rule, Examples rows, and steps.</summary>
internal sealed class DocumentIndex
{
    private readonly Dictionary<string, (Scenario Scenario, Rule? Rule)> _scenarios = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Examples Examples, TableRow Row)> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Step> _steps = new(StringComparer.Ordinal);

    public DocumentIndex(Feature feature)
    {
        foreach (var child in feature.Children)
        {
            Add(child.Background, child.Scenario, null);
            foreach (var ruleChild in child.Rule?.Children ?? [])
            {
                Add(ruleChild.Background, ruleChild.Scenario, child.Rule);
            }
        }
    }

    public (Scenario Scenario, Rule? Rule) Scenario(string id) => Find(_scenarios, id, "scenario");

    public (Examples? Examples, TableRow? Row) Row(string id) => Find(_rows, id, "Examples row");

    public Step Step(string id) => Find(_steps, id, "step");

    private void Add(Background? background, Scenario? scenario, Rule? rule)
    {
        foreach (var step in (background?.Steps ?? []).Concat(scenario?.Steps ?? []))
        {
            _steps[step.Id] = step;
        }

        if (scenario is null)
        {
            return;
        }

        _scenarios[scenario.Id] = (scenario, rule);
        foreach (var examples in scenario.Examples)
        {
            foreach (var row in examples.TableBody)
            {
                _rows[row.Id] = (examples, row);
            }
        }
    }

    private static T Find<T>(Dictionary<string, T> nodes, string id, string what) =>
        nodes.TryGetValue(id, out var node)
            ? node
            : throw new InvalidOperationException($"The feature's pickles refer to {what} '{id}', which its GherkinDocument does not have: the code-behind and the messages disagree; rebuild the project.");
}
