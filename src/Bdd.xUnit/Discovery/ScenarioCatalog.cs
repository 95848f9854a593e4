using Bdd.Gherkin;
using Bdd.Gherkin.Ast;

namespace Bdd.xUnit.Discovery;

/// <summary>
/// The test shape of one feature file, read from its Gherkin at discovery: for every scenario (by the line of its
/// keyword) the display name, traits and skip reason of its test case, or of each Examples row of an outline.
/// Display names: the scenario title (or "Scenario at line N" when it has none); an outline row shows the title with
/// its placeholders filled and the row's values, "Budget &lt;limit&gt;" -> "Budget 1024 (limit: 1024)".
/// Traits: <c>FeatureTitle</c>, <c>Description</c> (the feature's, when it has one) and a <c>Category</c> for every tag
/// of the feature, rule, scenario and (per row) Examples block. <c>@ignore</c> at any of these levels skips.
/// </summary>
internal sealed class ScenarioCatalog
{
    public const string IgnoreReason = "Ignored by @ignore tag";
    private const string IgnoreTag = "ignore";
    private const string CategoryTrait = "Category";

    private readonly Dictionary<int, ScenarioShape> _scenarios = [];

    private ScenarioCatalog(string uri, IReadOnlyList<string> errors)
    {
        Uri = uri;
        Errors = errors;
    }

    /// <summary>The feature file's uri.</summary>
    public string Uri { get; }

    /// <summary>Parse errors, each "uri:line:column: message"; empty for a valid file.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>Parses <paramref name="text"/>; never throws for bad Gherkin (see <see cref="Errors"/>).</summary>
    public static ScenarioCatalog Parse(string uri, string language, string text)
    {
        var result = GherkinParser.Parse(text, uri, new ParseOptions { DefaultLanguage = language });
        var catalog = new ScenarioCatalog(uri, [.. result.Errors.Select(error => error.ToString())]);
        if (result.Succeeded && result.Document?.Feature is { } feature)
            catalog.Add(feature);
        return catalog;
    }

    /// <summary>The scenario whose keyword is on the 1-based <paramref name="line"/>, if any.</summary>
    public bool TryFind(int line, out ScenarioShape scenario) => _scenarios.TryGetValue(line, out scenario!);

    private void Add(Feature feature)
    {
        var featureTraits = new List<KeyValuePair<string, string>> { new("FeatureTitle", feature.Name.Trim()) };
        var description = feature.Description.Trim();
        if (description.Length > 0)
            featureTraits.Add(new("Description", description));
        var featureTags = TagNames(feature.Tags).ToList();
        var featureSkip = SkipFor(featureTags, null);
        foreach (var child in feature.Children)
        {
            if (child.Scenario is { } scenario)
                AddScenario(scenario, featureTraits, featureTags, featureSkip);
            if (child.Rule is not { } rule)
                continue;
            var ruleTags = featureTags.Concat(TagNames(rule.Tags)).ToList();
            var ruleSkip = SkipFor(ruleTags, featureSkip);
            foreach (var ruleChild in rule.Children)
            {
                if (ruleChild.Scenario is { } ruleScenario)
                    AddScenario(ruleScenario, featureTraits, ruleTags, ruleSkip);
            }
        }
    }

    private void AddScenario(Scenario scenario, List<KeyValuePair<string, string>> featureTraits, List<string> inheritedTags, string? inheritedSkip)
    {
        var tags = inheritedTags.Concat(TagNames(scenario.Tags)).ToList();
        var skip = SkipFor(tags, inheritedSkip);
        var title = scenario.Name.Trim();
        var displayName = title.Length > 0 ? title : $"{scenario.Keyword.Trim()} at line {scenario.Location.Line}";
        var testCase = new TestCaseShape(displayName, skip, Traits(featureTraits, tags));
        if (scenario.Examples.Count == 0)
        {
            _scenarios[scenario.Location.Line] = new ScenarioShape(scenario.Location.Line, false, testCase, []);
            return;
        }

        var rows = new List<ExampleRowShape>();
        foreach (var examples in scenario.Examples)
        {
            if (examples.TableHeader is not { } header)
                continue;
            var rowTags = tags.Concat(TagNames(examples.Tags)).ToList();
            var rowSkip = SkipFor(rowTags, skip);
            var rowTraits = Traits(featureTraits, rowTags);
            var headers = header.Cells.Select(cell => cell.Value).ToList();
            foreach (var row in examples.TableBody)
                rows.Add(new ExampleRowShape(row.Location.Line, new TestCaseShape(RowDisplayName(displayName, headers, row), rowSkip, rowTraits)));
        }

        _scenarios[scenario.Location.Line] = new ScenarioShape(scenario.Location.Line, true, testCase, rows);
    }

    /// <summary>"Budget allocation &lt;limit&gt;" with row 1024 -> "Budget allocation 1024 (limit: 1024)".</summary>
    private static string RowDisplayName(string title, List<string> headers, TableRow row)
    {
        var name = title;
        var pairs = new List<string>();
        for (var i = 0; i < headers.Count && i < row.Cells.Count; i++)
        {
            name = name.Replace("<" + headers[i] + ">", row.Cells[i].Value, StringComparison.Ordinal);
            pairs.Add(headers[i] + ": " + row.Cells[i].Value);
        }

        return pairs.Count == 0 ? name : name + " (" + string.Join(", ", pairs) + ")";
    }

    private static List<KeyValuePair<string, string>> Traits(List<KeyValuePair<string, string>> featureTraits, List<string> tags)
        => [.. featureTraits, .. tags.Distinct(StringComparer.Ordinal).Select(tag => new KeyValuePair<string, string>(CategoryTrait, tag))];

    private static IEnumerable<string> TagNames(IEnumerable<Tag> tags)
        => tags.Select(tag => tag.Name.TrimStart('@')).Where(name => name.Length > 0);

    private static string? SkipFor(IEnumerable<string> tags, string? inherited)
        => inherited ?? (tags.Any(tag => string.Equals(tag, IgnoreTag, StringComparison.OrdinalIgnoreCase)) ? IgnoreReason : null);
}
