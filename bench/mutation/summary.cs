// Summarises a Stryker.NET mutation-report.json as Markdown: the score per folder and per file, then every surviving
// or uncovered mutant with its line, its mutator and the code it changed. Score = killed (timeouts too) ÷ (killed +
// survived + not covered); compile errors and ignored mutants do not count.
//
//   dotnet run bench/mutation/summary.cs -- reports/mutation/<when>/reports/mutation-report.json
using System.Text.Json;

if (args.Length != 1 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: dotnet run bench/mutation/summary.cs -- <mutation-report.json>");
    return 2;
}

using var report = JsonDocument.Parse(File.ReadAllText(args[0]));
var rows = new List<(string Folder, string File, string Status, int Line, string Mutator, string Code)>();
foreach (var file in report.RootElement.GetProperty("files").EnumerateObject())
{
    var parts = file.Name.Replace('\\', '/').Split('/');
    var at = Array.IndexOf(parts, "Runtime");
    // The file's folder under src/Runtime (Supervision/Drain, ExecutionContexts/Budgets, Supervision for the supervisor's own files).
    var folder = at >= 0 && at + 2 < parts.Length ? string.Join('/', parts[(at + 1)..^1]) : "(root)";
    var lines = file.Value.GetProperty("source").GetString()!.Split('\n');
    foreach (var mutant in file.Value.GetProperty("mutants").EnumerateArray())
    {
        var line = mutant.GetProperty("location").GetProperty("start").GetProperty("line").GetInt32();
        rows.Add((folder, parts[^1], mutant.GetProperty("status").GetString()!, line,
            mutant.GetProperty("mutatorName").GetString()!, lines[line - 1].Trim()));
    }
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
