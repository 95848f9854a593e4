using Io.Cucumber.Messages.Types;
using LivingDoc.Model;

namespace LivingDoc.Pages;

/// <summary>What rendering the page needs besides the features: the run, the settings, the history and the step usage.</summary>
internal sealed class PageContext(LivingDocRun run, LivingDocConfig config, History history, StepUsage usage)
{
    private readonly Dictionary<string, ScenarioKeys> _keys = run.Features.ToDictionary(f => f.Uri, f => new ScenarioKeys(f), StringComparer.Ordinal);

    public LivingDocRun Run { get; } = run;

    public LivingDocConfig Config { get; } = config;

    public History History { get; } = history;

    public StepUsage Usage { get; } = usage;

    /// <summary>The requirements catalogue; empty when none is configured.</summary>
    public IReadOnlyList<Requirement> Requirements { get; init; } = [];

    /// <summary>The catalogued requirement a tag names, or null.</summary>
    public Requirement? RequirementOfTag(string tag) =>
        Config.RequirementOf(tag) is { } id ? Requirements.FirstOrDefault(r => r.Id == id) : null;

    /// <summary>What the search finds a scenario by besides its text: its tags, and the ids and titles of its requirements.</summary>
    public string SearchableTags(IEnumerable<Pickle> pickles)
    {
        var tags = pickles.SelectMany(p => p.Tags.Select(t => t.Name)).Distinct(StringComparer.Ordinal).ToList();
        return string.Join(' ', tags.Concat(tags.Select(RequirementOfTag).OfType<Requirement>().Select(r => r.Id + " " + r.Title)));
    }

    /// <summary>The stable anchors of a feature's scenarios and rows.</summary>
    public ScenarioKeys KeysOf(DocFeature feature) => _keys.TryGetValue(feature.Uri, out var keys) ? keys : _keys[feature.Uri] = new ScenarioKeys(feature);

    /// <summary>The anchor of a scenario or outline.</summary>
    public string Anchor(DocFeature feature, Scenario scenario) => KeysOf(feature).ScenarioAnchor(scenario.Id);

    /// <summary>The anchor of a pickle: its row's for an outline row.</summary>
    public string Anchor(DocFeature feature, Pickle pickle) => KeysOf(feature).Of(pickle);

    /// <summary>The run's commit, branch, times and versions, for the header.</summary>
    public RunInfo Info { get; init; } = RunInfo.None;

    /// <summary>What the kept runs say of a scenario (new, changed, fixed, failing since, flaky).</summary>
    public HistoryMarks MarksOf(DocFeature feature, Pickle pickle) => History.MarksOf(KeysOf(feature).Of(pickle));

    public IReadOnlyList<DocStatus> TrendOf(DocFeature feature) => History.TrendOf([.. feature.Pickles.Select(KeysOf(feature).Of)]);

    /// <summary>The pickles of scenario <paramref name="scenarioId"/> of <paramref name="feature"/>, in order.</summary>
    public static List<Pickle> PicklesOf(DocFeature feature, string scenarioId) => [.. feature.Pickles.Where(p => p.AstNodeIds.Count > 0 && p.AstNodeIds[0] == scenarioId)];

    /// <summary>The space-separated tags a filter tests, lower-cased: every tag the pickle carries or inherits.</summary>
    public static string TagList(Pickle pickle) => string.Join(' ', pickle.Tags.Select(t => t.Name.ToLowerInvariant()).Distinct());

    /// <summary>The HTML id of a rule: unique on the page, as AST ids are unique only within a feature.</summary>
    public static string RuleAnchor(DocFeature feature, Rule rule) => FeatureSection.FeatureAnchor(feature) + "--rule-" + ScenarioKeys.Slug(rule.Name);

    /// <summary>An id usable in HTML for a requirement.</summary>
    public static string RequirementAnchor(string id) => "req-" + new string(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
