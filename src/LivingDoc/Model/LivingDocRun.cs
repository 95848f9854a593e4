using Io.Cucumber.Messages.Types;

namespace LivingDoc.Model;

/// <summary>
/// Everything the pages need: every feature in uri order, the outcome of each pickle that ran, per Gherkin step id
/// the arguments its step definition matched, and when the run finished (null for a documentation-only build).
/// </summary>
internal sealed record LivingDocRun(
    IReadOnlyList<DocFeature> Features,
    IReadOnlyDictionary<string, PickleOutcome> Outcomes,
    IReadOnlyDictionary<string, StepArguments> Arguments,
    DateTimeOffset? FinishedAt)
{
    public DocStatus StatusOf(Pickle pickle) => Outcomes.TryGetValue(pickle.Id, out var outcome) ? outcome.Status : DocStatus.NotRun;

    public PickleOutcome? OutcomeOf(Pickle pickle) => Outcomes.GetValueOrDefault(pickle.Id);

    public StatusCounts Count(IEnumerable<Pickle> pickles)
    {
        var counts = new StatusCounts();
        foreach (var pickle in pickles)
        {
            counts.Add(StatusOf(pickle));
        }

        return counts;
    }

    /// <summary>The worst status: failed &gt; ambiguous &gt; undefined &gt; pending &gt; skipped &gt; not run &gt; passed.</summary>
    public DocStatus Worst(IEnumerable<Pickle> pickles)
    {
        var statuses = pickles.Select(StatusOf).ToHashSet();
        if (statuses.Count == 0)
        {
            return DocStatus.NotRun;
        }

        DocStatus[] order = [DocStatus.Failed, DocStatus.Ambiguous, DocStatus.Undefined, DocStatus.Pending, DocStatus.Skipped, DocStatus.NotRun];
        return order.FirstOrDefault(statuses.Contains, DocStatus.Passed);
    }
}

/// <summary>Where the matched step definition found its arguments in a step's text (the pickle step's text).</summary>
internal sealed record StepArguments(string Text, IReadOnlyList<(long Start, string Value)> Values);
