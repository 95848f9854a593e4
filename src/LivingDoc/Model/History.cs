namespace LivingDoc.Model;

/// <summary>One earlier (or the current) run as the history keeps it: when it finished and each scenario's status by key.</summary>
internal sealed record HistoryRun(DateTimeOffset FinishedAt, IReadOnlyDictionary<string, DocStatus> Scenarios);

/// <summary>
/// The last runs, oldest first, the current one last. A scenario is keyed by its feature's uri, its name and its
/// occurrence of that name (<c>features/x.feature|Add 1 and 2|1</c>), which stay the same from run to run.
/// </summary>
internal sealed record History(IReadOnlyList<HistoryRun> Runs)
{
    public static History Empty { get; } = new([]);

    /// <summary>The statuses a scenario had in the runs in which it ran, oldest first.</summary>
    public IReadOnlyList<DocStatus> Of(string key) =>
        Runs.Select(r => r.Scenarios.GetValueOrDefault(key, DocStatus.NotRun)).Where(s => s != DocStatus.NotRun).ToArray();

    /// <summary>Flaky: the scenario both passed and failed within the kept runs.</summary>
    public bool IsFlaky(string key)
    {
        var statuses = Of(key);
        return statuses.Contains(DocStatus.Passed) && statuses.Any(s => s is DocStatus.Failed or DocStatus.Ambiguous);
    }

    /// <summary>A feature's trend: per kept run, the worst status of its scenarios in that run.</summary>
    public IReadOnlyList<DocStatus> TrendOf(IReadOnlyList<string> keys) => Runs.Select(run =>
    {
        var statuses = keys.Select(k => run.Scenarios.GetValueOrDefault(k, DocStatus.NotRun)).Where(s => s != DocStatus.NotRun).ToHashSet();
        return statuses.Count == 0 ? DocStatus.NotRun
            : statuses.Overlaps([DocStatus.Failed, DocStatus.Ambiguous]) ? DocStatus.Failed
            : statuses.Overlaps([DocStatus.Pending, DocStatus.Undefined]) ? DocStatus.Pending
            : statuses.Contains(DocStatus.Passed) ? DocStatus.Passed : DocStatus.Skipped;
    }).ToArray();
}
