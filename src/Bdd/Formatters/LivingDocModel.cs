using Bdd.Execution;
using Bdd.Gherkin.Ast;
using Bdd.Gherkin.Pickles;

namespace Bdd.Formatters;

/// <summary>A scenario's (pickle's) outcome in the living documentation; <see cref="NotRun"/> when no result arrived.</summary>
internal enum DocStatus
{
    Passed,
    Failed,
    Pending,
    Undefined,
    Ambiguous,
    Skipped,
    NotRun,
}

/// <summary>The last outcome of one pickle.</summary>
internal sealed record PickleOutcome(DocStatus Status, TimeSpan Duration, string? Message, IReadOnlyList<StepResult> Steps);

/// <summary>A feature file as the living documentation shows it.</summary>
internal sealed record DocFeature(string Uri, GherkinDocument? Document, IReadOnlyList<Pickle> Pickles, IReadOnlyList<string> Errors)
{
    /// <summary>"supervision" for features/supervision/drain.feature; "" for a file directly under features/.</summary>
    public string Folder
    {
        get
        {
            var path = RelativePath;
            var slash = path.LastIndexOf('/');
            return slash < 0 ? string.Empty : path[..slash];
        }
    }

    /// <summary>The uri without a leading "features/".</summary>
    public string RelativePath => Uri.StartsWith("features/", StringComparison.Ordinal) ? Uri["features/".Length..] : Uri;

    /// <summary>The page file name: "supervision_drain.html".</summary>
    public string PageName
    {
        get
        {
            var path = RelativePath;
            if (path.EndsWith(".feature", StringComparison.Ordinal))
                path = path[..^".feature".Length];
            var chars = path.Select(c => char.IsLetterOrDigit(c) || c is '-' or '.' ? c : '_').ToArray();
            return new string(chars) + ".html";
        }
    }

    /// <summary>The scenario (or outline) with AST id <paramref name="id"/>, or null.</summary>
    public Scenario? Scenario(string id)
    {
        foreach (var child in Document?.Feature?.Children ?? [])
        {
            if (child.Scenario?.Id == id)
                return child.Scenario;
            foreach (var ruleChild in child.Rule?.Children ?? [])
            {
                if (ruleChild.Scenario?.Id == id)
                    return ruleChild.Scenario;
            }
        }
        return null;
    }

    /// <summary>The feature's name, or its path when the file did not parse.</summary>
    public string Title => Document?.Feature is { } feature && feature.Name.Length > 0 ? feature.Name : RelativePath;
}

/// <summary>
/// Where the matched step definition found its arguments in a step's <see cref="Text"/> (the pickle step's text, so
/// the page uses them only when the Gherkin step reads the same, i.e. not for a step with outline placeholders).
/// </summary>
internal sealed record DocStepArguments(string Text, IReadOnlyList<Events.StepMatchArgument> Arguments);

/// <summary>
/// Everything the pages need: the features in uri order, the outcome of each pickle id and, per Gherkin step id,
/// the arguments its step definition matched.
/// </summary>
internal sealed record LivingDocRun(IReadOnlyList<DocFeature> Features, IReadOnlyDictionary<string, PickleOutcome> Outcomes, DateTimeOffset FinishedAt)
{
    /// <summary>Per Gherkin step id (a step of a scenario or background), the arguments its one step definition matched.</summary>
    public IReadOnlyDictionary<string, DocStepArguments> StepArguments { get; init; } = new Dictionary<string, DocStepArguments>();

    public DocStatus StatusOf(Pickle pickle) => Outcomes.TryGetValue(pickle.Id, out var outcome) ? outcome.Status : DocStatus.NotRun;

    public PickleOutcome? OutcomeOf(Pickle pickle) => Outcomes.GetValueOrDefault(pickle.Id);

    /// <summary>Passed, failed (incl. ambiguous), pending (incl. undefined), skipped and not run counts.</summary>
    public StatusCounts Count(IEnumerable<Pickle> pickles)
    {
        var counts = new StatusCounts();
        foreach (var pickle in pickles)
            counts.Add(StatusOf(pickle));
        return counts;
    }

    /// <summary>The worst status of <paramref name="pickles"/>: failed &gt; ambiguous &gt; undefined &gt; pending &gt; skipped &gt; not run &gt; passed.</summary>
    public DocStatus Worst(IEnumerable<Pickle> pickles)
    {
        var statuses = pickles.Select(StatusOf).ToList();
        if (statuses.Count == 0)
            return DocStatus.NotRun;
        DocStatus[] order = [DocStatus.Failed, DocStatus.Ambiguous, DocStatus.Undefined, DocStatus.Pending, DocStatus.Skipped, DocStatus.NotRun];
        foreach (var status in order)
        {
            if (statuses.Contains(status))
                return status;
        }
        return DocStatus.Passed;
    }
}

/// <summary>
/// Scenario (pickle) counts as the pages show them: passed, failed (incl. ambiguous), pending (incl. undefined),
/// skipped (a result arrived: skipped) and not run (no result arrived, e.g. filtered out of the run).
/// </summary>
internal sealed class StatusCounts
{
    public int Passed { get; private set; }

    public int Failed { get; private set; }

    public int Pending { get; private set; }

    public int Skipped { get; private set; }

    /// <summary>Scenarios with no result in this run (<see cref="DocStatus.NotRun"/>).</summary>
    public int NotRun { get; private set; }

    public int Total => Passed + Failed + Pending + Skipped + NotRun;

    public void Add(DocStatus status)
    {
        switch (status)
        {
            case DocStatus.Passed: Passed++; break;
            case DocStatus.Failed or DocStatus.Ambiguous: Failed++; break;
            case DocStatus.Pending or DocStatus.Undefined: Pending++; break;
            case DocStatus.NotRun: NotRun++; break;
            default: Skipped++; break;
        }
    }

    public void Add(StatusCounts other)
    {
        Passed += other.Passed;
        Failed += other.Failed;
        Pending += other.Pending;
        Skipped += other.Skipped;
        NotRun += other.NotRun;
    }
}
