using System.Globalization;
using System.Text.Json;
using Io.Cucumber.Messages.Types;
using LivingDoc.Model;

namespace LivingDoc.Messages;

/// <summary>
/// Keeps the last runs in a folder (<c>reports/history/</c>), one small JSON file per run
/// (<c>run-yyyyMMddTHHmmssfffZ.json</c>: when it finished and each scenario's status), the newest <c>keep</c> only.
/// A file that cannot be read is skipped, not fatal: history is a help, not a result.
/// </summary>
internal static class HistoryStore
{
    /// <summary>The scenario keys of a feature, in pickle order (see <see cref="History"/>).</summary>
    public static IReadOnlyList<string> Keys(DocFeature feature)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return feature.Pickles.Select(p =>
        {
            var n = seen[p.Name] = seen.GetValueOrDefault(p.Name) + 1;
            return $"{feature.Uri}|{p.Name}|{n.ToString(CultureInfo.InvariantCulture)}";
        }).ToArray();
    }

    /// <summary>Adds <paramref name="run"/> (when it finished) to the folder, drops the oldest beyond <paramref name="keep"/>, and returns the kept runs.</summary>
    public static History Update(string folder, LivingDocRun run, int keep)
    {
        Directory.CreateDirectory(folder);
        if (run.FinishedAt is { } finished)
        {
            var scenarios = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var feature in run.Features)
            {
                var keys = Keys(feature);
                for (var i = 0; i < keys.Count; i++)
                {
                    var status = run.StatusOf(feature.Pickles[i]);
                    if (status != DocStatus.NotRun)
                    {
                        scenarios[keys[i]] = status.ToString();
                    }
                }
            }

            var name = "run-" + finished.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + ".json";
            File.WriteAllText(Path.Combine(folder, name), JsonSerializer.Serialize(new Stored(finished, scenarios)));
        }

        var files = Directory.GetFiles(folder, "run-*.json").Order(StringComparer.Ordinal).ToList();
        foreach (var old in files.Take(Math.Max(0, files.Count - keep)))
        {
            File.Delete(old);
        }

        return new History(files.Skip(Math.Max(0, files.Count - keep)).Select(Read).OfType<HistoryRun>().ToArray());
    }

    private static HistoryRun? Read(string path)
    {
        try
        {
            var stored = JsonSerializer.Deserialize<Stored>(File.ReadAllText(path));
            return stored?.Scenarios is null ? null : new HistoryRun(stored.FinishedAt, stored.Scenarios.ToDictionary(
                s => s.Key, s => Enum.TryParse<DocStatus>(s.Value, out var status) ? status : DocStatus.NotRun, StringComparer.Ordinal));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record Stored(DateTimeOffset FinishedAt, Dictionary<string, string> Scenarios);
}
