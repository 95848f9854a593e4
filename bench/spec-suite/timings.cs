// Reads the Cucumber Messages of one run of the specifications and prints how long it took: the run's wall time
// (testRunStarted to testRunFinished), the scenarios that took over a second outside @load, the longest ones, and
// with --timeline when each feature's scenarios ran.
//
//   dotnet run --file bench/spec-suite/timings.cs -- reports/cucumber-messages.ndjson [--top N] [--timeline]
using System.Text.Json;

var path = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
if (path is null || !File.Exists(path))
{
    Console.Error.WriteLine("usage: dotnet run --file bench/spec-suite/timings.cs -- <cucumber-messages.ndjson> [--top N] [--timeline]");
    return 2;
}

var top = args.SkipWhile(a => a != "--top").Skip(1).Select(int.Parse).FirstOrDefault(10);
var pickles = new Dictionary<string, (string Name, string Feature, bool Load)>();
var cases = new Dictionary<string, string>();
var started = new Dictionary<string, (string Case, double At)>();
var scenarios = new List<(double Start, double End, string Name, string Feature, bool Load)>();
double? runStart = null, runEnd = null;
foreach (var line in File.ReadLines(path))
{
    using var message = JsonDocument.Parse(line);
    var root = message.RootElement;
    if (root.TryGetProperty("pickle", out var pickle))
    {
        var tags = pickle.GetProperty("tags").EnumerateArray().Select(t => t.GetProperty("name").GetString());
        pickles[pickle.GetProperty("id").GetString()!] = (pickle.GetProperty("name").GetString()!,
            Path.GetFileName(pickle.GetProperty("uri").GetString()!), tags.Contains("@load"));
    }
    else if (root.TryGetProperty("testCase", out var testCase))
    {
        cases[testCase.GetProperty("id").GetString()!] = testCase.GetProperty("pickleId").GetString()!;
    }
    else if (root.TryGetProperty("testCaseStarted", out var caseStarted))
    {
        started[caseStarted.GetProperty("id").GetString()!] = (caseStarted.GetProperty("testCaseId").GetString()!, Seconds(caseStarted));
    }
    else if (root.TryGetProperty("testCaseFinished", out var caseFinished))
    {
        var (caseId, at) = started[caseFinished.GetProperty("testCaseStartedId").GetString()!];
        var (name, feature, load) = pickles[cases[caseId]];
        scenarios.Add((at, Seconds(caseFinished), name, feature, load));
    }
    else if (root.TryGetProperty("testRunStarted", out var runStarted))
    {
        runStart = Seconds(runStarted);
    }
    else if (root.TryGetProperty("testRunFinished", out var runFinished))
    {
        runEnd = Seconds(runFinished);
    }
}

if (runStart is null || runEnd is null || scenarios.Count == 0)
{
    Console.Error.WriteLine($"{path}: no finished test run with scenarios");
    return 1;
}

var over = scenarios.Where(s => !s.Load && s.End - s.Start > 1).ToList();
Console.WriteLine($"run {runEnd - runStart:F1} s, {scenarios.Count} scenarios, {scenarios.Sum(s => s.End - s.Start):F1} s of scenario time, "
    + $"{over.Count} outside @load over 1 s");
foreach (var s in scenarios.OrderByDescending(s => s.End - s.Start).Take(top))
{
    Console.WriteLine($"  {s.End - s.Start,6:F2} s  {s.Feature}: {s.Name}{(s.Load ? " (@load)" : "")}");
}

if (args.Contains("--timeline"))
{
    foreach (var feature in scenarios.GroupBy(s => s.Feature).OrderBy(g => g.Min(s => s.Start)))
    {
        Console.WriteLine($"  {feature.Key,-40} {feature.Min(s => s.Start) - runStart,5:F1} s to {feature.Max(s => s.End) - runStart,5:F1} s, {feature.Count()} scenarios");
    }
}

return 0;

static double Seconds(JsonElement message)
{
    var timestamp = message.GetProperty("timestamp");
    return timestamp.GetProperty("seconds").GetInt64() + timestamp.GetProperty("nanos").GetInt64() / 1e9;
}
