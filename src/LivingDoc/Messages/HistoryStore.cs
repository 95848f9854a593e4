using System.Globalization;
using System.Text.Json;
using LivingDoc.Model;

namespace LivingDoc.Messages;

/// <summary>
/// Keeps the last runs in a folder (<c>reports/history/</c>), one small JSON file per run
/// (<c>run-yyyyMMddTHHmmssfffZ.json</c>: when it finished, the commit and branch when known, and each scenario's
/// status and text hash by its anchor), the newest <c>keep</c> only. A run that executed no test case (a mistyped
/// filter) is not kept: it would make everything look "not run". A file that cannot be read is skipped, not fatal:
/// history is a help, not a result.
/// </summary>
internal static class HistoryStore
{
    /// <summary>The result of each scenario that ran, by its anchor.</summary>
    public static Dictionary<string, ScenarioResult> Results(LivingDocRun run)
    {
        var results = new Dictionary<string, ScenarioResult>(StringComparer.Ordinal);
        foreach (var feature in run.Features)
        {
            var keys = new ScenarioKeys(feature);
            foreach (var pickle in feature.Pickles.Where(p => run.StatusOf(p) != DocStatus.NotRun))
            {
                results.TryAdd(keys.Of(pickle), new ScenarioResult(run.StatusOf(pickle), ScenarioKeys.Hash(pickle)));
            }
        }

        return results;
    }

    /// <summary>
    /// Adds <paramref name="run"/> (when it finished and ran a test case) to the folder, drops the oldest beyond
    /// <paramref name="keep"/>, and returns the kept runs.
    /// </summary>
    public static History Update(string folder, LivingDocRun run, RunInfo info, int keep)
    {
        Directory.CreateDirectory(folder);
        var results = Results(run);
        var record = run.FinishedAt is not null && results.Count > 0;
        string? current = null;
        if (record)
        {
            current = Path.Combine(folder, "run-" + run.FinishedAt!.Value.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + ".json");
            var stored = new Stored(run.FinishedAt.Value, info.Commit, info.Branch, results.ToDictionary(r => r.Key, r => new StoredResult(r.Value.Status.ToString(), r.Value.Hash)));
            File.WriteAllText(current, JsonSerializer.Serialize(stored));
        }

        var files = Directory.GetFiles(folder, "run-*.json").Order(StringComparer.Ordinal).ToList();
        foreach (var old in files.Take(Math.Max(0, files.Count - keep)))
        {
            File.Delete(old);
        }

        var kept = files.Skip(Math.Max(0, files.Count - keep)).ToList();
        return new History(kept.Select(Read).OfType<HistoryRun>().ToArray(), record && kept.Count > 0 && kept[^1] == current);
    }

    private static HistoryRun? Read(string path)
    {
        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path));
            return stored?.Scenarios is null ? null : new HistoryRun(stored.FinishedAt, stored.Commit, stored.Branch, stored.Scenarios.ToDictionary(
                s => s.Key, s => new ScenarioResult(Enum.TryParse<DocStatus>(s.Value.Status, out var status) ? status : DocStatus.NotRun, s.Value.Hash), StringComparer.Ordinal));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record StoredResult(string Status, string? Hash);

    private sealed record Stored(DateTimeOffset FinishedAt, string? Commit, string? Branch, Dictionary<string, StoredResult> Scenarios);
}
