using System.Globalization;
using Bdd.Gherkin;
using Bdd.Gherkin.Ast;
using Bdd.Gherkin.Pickles;

namespace Bdd.Execution;

/// <summary>
/// A feature source parsed and compiled once: the document, its pickles, parse errors, and lookups from
/// (scenario line, example row line) to pickle and from AST ids to steps, scenarios, rules and example rows.
/// </summary>
internal sealed class CompiledFeature
{
    private readonly Dictionary<(int Scenario, int? Row), Pickle> _pickles = [];
    private readonly Dictionary<string, Step> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Scenario Scenario, Rule? Rule)> _scenarios = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (Examples Examples, TableRow Row)> _rows = new(StringComparer.Ordinal);

    public CompiledFeature(FeatureSource source, string defaultLanguage, IIdGenerator ids)
    {
        Source = source;
        var parsed = GherkinParser.Parse(source.Text, source.Uri, new ParseOptions { DefaultLanguage = defaultLanguage, IdGenerator = ids });
        Document = parsed.Document;
        Errors = parsed.Errors;
        Pickles = Document is not null && parsed.Succeeded ? PickleCompiler.Compile(Document, ids) : [];
        Index();
        FeatureInfo = CreateFeatureInfo();
    }

    public FeatureSource Source { get; }

    public GherkinDocument? Document { get; }

    public IReadOnlyList<ParseError> Errors { get; }

    public IReadOnlyList<Pickle> Pickles { get; }

    public FeatureInfo FeatureInfo { get; }

    public Feature? Feature => Document?.Feature;

    public bool TryGetPickle(int scenarioLine, int? exampleRowLine, out Pickle pickle)
        => _pickles.TryGetValue((scenarioLine, exampleRowLine), out pickle!);

    public Step Step(string astNodeId) => _steps[astNodeId];

    public (Scenario Scenario, Rule? Rule) Scenario(string astNodeId) => _scenarios[astNodeId];

    public bool TryGetExampleRow(string astNodeId, out (Examples Examples, TableRow Row) row) => _rows.TryGetValue(astNodeId, out row);

    private void Index()
    {
        if (Feature is null)
            return;
        foreach (var child in Feature.Children)
        {
            IndexBackground(child.Background);
            IndexScenario(child.Scenario, null);
            if (child.Rule is { } rule)
            {
                foreach (var ruleChild in rule.Children)
                {
                    IndexBackground(ruleChild.Background);
                    IndexScenario(ruleChild.Scenario, rule);
                }
            }
        }
        foreach (var pickle in Pickles)
        {
            var scenario = _scenarios[pickle.AstNodeIds[0]].Scenario;
            int? row = pickle.AstNodeIds.Count > 1 ? pickle.Location.Line : null;
            _pickles[(scenario.Location.Line, row)] = pickle;
        }
    }

    private void IndexBackground(Background? background)
    {
        if (background is null)
            return;
        foreach (var step in background.Steps)
            _steps[step.Id] = step;
    }

    private void IndexScenario(Scenario? scenario, Rule? rule)
    {
        if (scenario is null)
            return;
        _scenarios[scenario.Id] = (scenario, rule);
        foreach (var step in scenario.Steps)
            _steps[step.Id] = step;
        foreach (var examples in scenario.Examples)
        {
            foreach (var row in examples.TableBody)
                _rows[row.Id] = (examples, row);
        }
    }

    private FeatureInfo CreateFeatureInfo()
    {
        var uri = Source.Uri.Replace('\\', '/');
        var slash = uri.LastIndexOf('/');
        var folder = slash < 0 ? string.Empty : uri[..slash];
        CultureInfo language;
        try
        {
            language = CultureInfo.GetCultureInfo(Feature?.Language ?? "en");
        }
        catch (CultureNotFoundException)
        {
            language = CultureInfo.InvariantCulture;
        }
        return new FeatureInfo(language, folder, Feature?.Name ?? Path.GetFileNameWithoutExtension(uri),
            NullIfEmpty(Feature?.Description), Feature is null ? [] : [.. Feature.Tags.Select(t => t.Name.TrimStart('@'))])
        {
            FilePath = uri,
        };
    }

    internal static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
