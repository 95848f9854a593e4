// Summarises a Stryker.NET mutation-report.json as Markdown: the score per folder and per file, then every surviving
// or uncovered mutant with its line, its mutator and the code it changed. Score = killed (timeouts too) ÷ (killed +
// survived + not covered); compile errors and ignored mutants do not count.
//
//   dotnet run bench/mutation/summary.cs -- reports/mutation/<when>/reports/mutation-report.json
//
// Given several reports of the same code (a scenario run and a unit run of one commit, say), it summarises them as one
// combined run: a mutant is killed when any run killed it. Mutants are matched by file, position, mutator and
// replacement; a report of other code (a mutant found in one report only) is refused.
using System.Text.Json;

if (args.Length == 0 || args.Any(a => !File.Exists(a)))
{
    Console.Error.WriteLine("usage: dotnet run bench/mutation/summary.cs -- <mutation-report.json> [<another report of the same code> ...]");
    return 2;
}

var runs = args.Select(Read).ToList();
var keys = runs[0].Keys.ToHashSet();
if (runs.Any(r => !r.Keys.ToHashSet().SetEquals(keys)))
{
    Console.Error.WriteLine("the reports are not of the same code: their mutants differ");
    return 2;
}

var rows = runs[0].Select(pair => pair.Value with { Status = Combined(runs.Select(r => r[pair.Key].Status)) }).ToList();

static string Combined(IEnumerable<string> statuses)
{
    var all = statuses.ToList();
    return all.FirstOrDefault(Killed) ?? all.FirstOrDefault(s => s == "Survived") ?? all[0];
}

static Dictionary<string, Row> Read(string path)
{
    using var report = JsonDocument.Parse(File.ReadAllText(path));
    var rows = new Dictionary<string, Row>(StringComparer.Ordinal);
    foreach (var file in report.RootElement.GetProperty("files").EnumerateObject())
    {
        var parts = file.Name.Replace('\\', '/').Split('/');
        var at = Array.IndexOf(parts, "Runtime");
        // The file's folder under src/Runtime (Supervision/Drain, ExecutionContexts/Budgets, Supervision for the supervisor's own files).
        var folder = at >= 0 && at + 2 < parts.Length ? string.Join('/', parts[(at + 1)..^1]) : "(root)";
        var lines = file.Value.GetProperty("source").GetString()!.Split('\n');
        foreach (var mutant in file.Value.GetProperty("mutants").EnumerateArray())
        {
            var start = mutant.GetProperty("location").GetProperty("start");
            var line = start.GetProperty("line").GetInt32();
            var mutator = mutant.GetProperty("mutatorName").GetString()!;
            var replacement = mutant.TryGetProperty("replacement", out var r) ? r.GetString() : null;
            var key = $"{folder}/{parts[^1]}:{line}:{start.GetProperty("column").GetInt32()}:{mutator}:{replacement}";
            rows[key] = new Row(folder, parts[^1], mutant.GetProperty("status").GetString()!, line, mutator, lines[line - 1].Trim());
        }
    }

    return rows;
}

static bool Killed(string status) => status is "Killed" or "Timeout";
static bool Scored(string status) => Killed(status) || status is "Survived" or "NoCoverage";
static string Score(IEnumerable<string> statuses)
{
    var scored = statuses.Where(Scored).ToList();
    var killed = scored.Count(Killed);
    var survived = scored.Count(s => s == "Survived");
    var none = scored.Count(s => s == "NoCoverage");
    var score = scored.Count == 0 ? "n/a" : $"{100.0 * killed / scored.Count:0.0} %";
    return $"{scored.Count} | {killed} | {survived} | {none} | {score}";
}

Console.WriteLine("| folder | scored | killed | survived | not covered | score |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var folder in rows.GroupBy(r => r.Folder).OrderBy(g => g.Key))
{
    Console.WriteLine($"| `{folder.Key}` | {Score(folder.Select(r => r.Status))} |");
}

Console.WriteLine();
Console.WriteLine("| file | scored | killed | survived | not covered | score |");
Console.WriteLine("|---|---|---|---|---|---|");
foreach (var file in rows.GroupBy(r => $"{r.Folder}/{r.File}").OrderBy(g => g.Key))
{
    Console.WriteLine($"| `{file.Key}` | {Score(file.Select(r => r.Status))} |");
}

Console.WriteLine();
Console.WriteLine("Survivors and mutants no test covers:");
Console.WriteLine();
foreach (var row in rows.Where(r => r.Status is "Survived" or "NoCoverage").OrderBy(r => r.Folder).ThenBy(r => r.File).ThenBy(r => r.Line))
{
    var code = row.Code.Length > 100 ? row.Code[..100] + "…" : row.Code;
    Console.WriteLine($"- `{row.Folder}/{row.File}:{row.Line}` {(row.Status == "Survived" ? "survived" : "not covered")}, {row.Mutator}: `{code.Replace("`", "'")}`");
}

return 0;

internal sealed record Row(string Folder, string File, string Status, int Line, string Mutator, string Code);
