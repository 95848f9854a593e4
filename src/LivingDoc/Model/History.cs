namespace LivingDoc.Model;

/// <summary>A scenario's result in one run: its status and the hash of its text then (null in files from before hashes).</summary>
internal sealed record ScenarioResult(DocStatus Status, string? Hash);

/// <summary>One earlier (or the current) run as the history keeps it: when it finished, at which commit and branch, each scenario's result by its anchor.</summary>
internal sealed record HistoryRun(DateTimeOffset FinishedAt, string? Commit, string? Branch, IReadOnlyDictionary<string, ScenarioResult> Scenarios);

/// <summary>
/// The last runs, oldest first. When <see cref="IncludesCurrent"/>, the last one is this run, and each scenario gets
/// its marks (<see cref="MarksOf"/>); a documentation-only view, or a run that ran nothing, has none.
/// </summary>
internal sealed record History(IReadOnlyList<HistoryRun> Runs, bool IncludesCurrent)
{
    public static History Empty { get; } = new([], false);

    /// <summary>What the kept runs say of scenario <paramref name="key"/> now; empty without a current run.</summary>
    public HistoryMarks MarksOf(string key)
    {
        if (!IncludesCurrent || Runs.Count == 0 || !Runs[^1].Scenarios.TryGetValue(key, out var now))
        {
            return HistoryMarks.None;
        }

        var results = Runs.Select((run, index) => (Run: run, Index: index, Result: run.Scenarios.GetValueOrDefault(key)))
            .Where(r => r.Result is not null).Select(r => (r.Run, r.Index, Result: r.Result!)).ToList();
        var previous = results.Count > 1 ? results[^2] : default;
        var since = results.Count - 1;
        while (since > 0 && Failed(results[since - 1].Result.Status) && Failed(now.Status))
        {
            since--;
        }

        var flaky = results.Zip(results.Skip(1)).Any(pair =>
            pair.First.Result.Hash is { } hash && hash == pair.Second.Result.Hash
            && pair.First.Run.Commit is { } commit && commit == pair.Second.Run.Commit
            && (pair.First.Result.Status, pair.Second.Result.Status) is (DocStatus.Passed, DocStatus.Failed) or (DocStatus.Failed, DocStatus.Passed));
        return new HistoryMarks(
            New: results.Count == 1 && Runs.Count > 1,
            Changed: previous.Run is not null && previous.Result.Hash is not null && now.Hash is not null && previous.Result.Hash != now.Hash,
            Fixed: previous.Run is not null && now.Status == DocStatus.Passed && Failed(previous.Result.Status),
            FailingSince: Failed(now.Status) && since < results.Count - 1 ? (results[since].Index + 1, results[since].Run) : null,
            Flaky: flaky);
    }

    /// <summary>A feature's trend: per kept run, the worst status of its scenarios in that run.</summary>
    public IReadOnlyList<DocStatus> TrendOf(IReadOnlyList<string> keys) => Runs.Select(run =>
    {
        var statuses = keys.Select(k => run.Scenarios.GetValueOrDefault(k)?.Status ?? DocStatus.NotRun).Where(s => s != DocStatus.NotRun).ToHashSet();
        return statuses.Count == 0 ? DocStatus.NotRun
            : statuses.Overlaps([DocStatus.Failed, DocStatus.Ambiguous]) ? DocStatus.Failed
            : statuses.Overlaps([DocStatus.Pending, DocStatus.Undefined]) ? DocStatus.Pending
            : statuses.Contains(DocStatus.Passed) ? DocStatus.Passed : DocStatus.Skipped;
    }).ToArray();

    private static bool Failed(DocStatus status) => status is DocStatus.Failed or DocStatus.Ambiguous;
}

/// <summary>
/// A scenario's marks: <see cref="New"/> (no earlier kept run has it), <see cref="Changed"/> (its text differs from the
/// last run that had it), <see cref="Fixed"/> (failed there, passes now), <see cref="FailingSince"/> (failed in every
/// run since run K, 1 the oldest kept, which is given), <see cref="Flaky"/> (its outcome flipped between passed and
/// failed from one run to the next while its text and the commit stayed the same).
/// </summary>
internal sealed record HistoryMarks(bool New, bool Changed, bool Fixed, (int Run, HistoryRun At)? FailingSince, bool Flaky)
{
    public static HistoryMarks None { get; } = new(false, false, false, null, false);
}
