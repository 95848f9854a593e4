using Io.Cucumber.Messages.Types;

namespace FeatureCodeBehind;

/// <summary>Where a pickle comes from in its document: the scenario, the Examples block and row of an outline.</summary>
internal sealed record PickleSource(Scenario Scenario, Examples? Examples, TableRow? Row, int RowNumber)
{
    /// <summary>The line a test navigates to: the Examples row of an outline, else the scenario.</summary>
    public long Line => Row?.Location.Line ?? Scenario.Location.Line;

    /// <summary>Finds the source of every pickle of <paramref name="feature"/>.</summary>
    public static IReadOnlyList<PickleSource> For(ParsedFeature feature)
    {
        var scenarios = new Dictionary<string, Scenario>(StringComparer.Ordinal);
        var rows = new Dictionary<string, (Examples Examples, TableRow Row, int Number)>(StringComparer.Ordinal);
        foreach (var scenario in Scenarios(feature.Document.Feature))
        {
            scenarios[scenario.Id] = scenario;
            var number = 0;
            foreach (var examples in scenario.Examples)
            {
                foreach (var row in examples.TableBody)
                {
                    rows[row.Id] = (examples, row, ++number);
                }
            }
        }

        return feature.Pickles.Select(pickle =>
        {
            var scenario = scenarios[pickle.AstNodeIds[0]];
            return pickle.AstNodeIds.Count > 1 && rows.TryGetValue(pickle.AstNodeIds[1], out var row)
                ? new PickleSource(scenario, row.Examples, row.Row, row.Number)
                : new PickleSource(scenario, null, null, 0);
        }).ToArray();
    }

    private static IEnumerable<Scenario> Scenarios(Feature? feature) =>
        feature is null
            ? []
            : feature.Children.SelectMany(child => child.Scenario is { } scenario
                ? [scenario]
                : child.Rule?.Children.Select(c => c.Scenario).OfType<Scenario>() ?? []);
}
