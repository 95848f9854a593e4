using Io.Cucumber.Messages.Types;
using LivingDoc.Messages;
using LivingDoc.Model;

namespace LivingDoc.Pages;

/// <summary>What rendering the page needs besides the features: the run, the settings, the history and the step usage.</summary>
internal sealed class PageContext(LivingDocRun run, LivingDocConfig config, History history, StepUsage usage)
{
    private readonly Dictionary<string, string> _keys = run.Features
        .SelectMany(f => f.Pickles.Zip(HistoryStore.Keys(f), (p, k) => (p.Id, k)))
        .GroupBy(x => x.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().k, StringComparer.Ordinal);

    public LivingDocRun Run { get; } = run;

    public LivingDocConfig Config { get; } = config;

    public History History { get; } = history;

    public StepUsage Usage { get; } = usage;

    public bool IsFlaky(Pickle pickle) => _keys.TryGetValue(pickle.Id, out var key) && History.IsFlaky(key);

    public IReadOnlyList<DocStatus> TrendOf(DocFeature feature) => History.TrendOf(HistoryStore.Keys(feature));

    /// <summary>The pickles of scenario <paramref name="scenarioId"/> of <paramref name="feature"/>, in order.</summary>
    public static List<Pickle> PicklesOf(DocFeature feature, string scenarioId) => [.. feature.Pickles.Where(p => p.AstNodeIds.Count > 0 && p.AstNodeIds[0] == scenarioId)];

    /// <summary>The space-separated tags a filter tests, lower-cased: every tag the pickle carries or inherits.</summary>
    public static string TagList(Pickle pickle) => string.Join(' ', pickle.Tags.Select(t => t.Name.ToLowerInvariant()).Distinct());

    /// <summary>The HTML id of a scenario or rule: unique on the page, as AST ids are unique only within a feature.</summary>
    public static string Anchor(DocFeature feature, string kind, string astId) => FeatureSection.FeatureAnchor(feature) + "--" + kind + "-" + astId;

    /// <summary>An id usable in HTML for a requirement.</summary>
    public static string RequirementAnchor(string id) => "req-" + new string(id.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
}
