using System.Text.Json.Nodes;

namespace LivingDoc.Tests.Support;

/// <summary>The sample run's NDJSON with one thing changed, to show each mismatch is caught.</summary>
internal static class SampleEdits
{
    /// <summary>The message of <paramref name="kind"/> (<c>pickle</c>, <c>testCase</c>, ...) with that field as a JSON object.</summary>
    public static JsonObject? Message(string line, string kind) => JsonNode.Parse(line)?[kind] as JsonObject;

    /// <summary>The sample with the first message of <paramref name="kind"/> that <paramref name="which"/> picks changed by <paramref name="edit"/>.</summary>
    public static string[] Edit(string kind, Func<JsonObject, bool> which, Action<JsonObject> edit)
    {
        var done = false;
        return SampleRun.Lines().Select(line =>
        {
            if (done || Message(line, kind) is not { } message || !which(message))
            {
                return line;
            }

            done = true;
            edit(message);
            return new JsonObject { [kind] = message.DeepClone() }.ToJsonString();
        }).ToArray();
    }

    /// <summary>The id of the pickle (scenario or Examples row) named <paramref name="name"/>.</summary>
    public static string PickleId(string name) =>
        SampleRun.Lines().Select(l => Message(l, "pickle")).OfType<JsonObject>().First(p => (string?)p["name"] == name)["id"]!.GetValue<string>();

    /// <summary>The sample as if the run had filtered <paramref name="name"/> out: its pickle stays, its test case and results go.</summary>
    public static string[] WithoutTestCaseOf(string name) => WithoutTestCasesOf(n => n == name);

    /// <summary>The sample as if the run had filtered out the scenarios <paramref name="drop"/> picks by name.</summary>
    public static string[] WithoutTestCasesOf(Func<string, bool> drop)
    {
        var lines = SampleRun.Lines();
        var pickleIds = lines.Select(l => Message(l, "pickle")).OfType<JsonObject>().Where(p => drop((string)p["name"]!)).Select(p => p["id"]!.GetValue<string>()).ToHashSet();
        var testCases = lines.Select(l => Message(l, "testCase")).OfType<JsonObject>()
            .Where(c => pickleIds.Contains((string)c["pickleId"]!)).Select(c => c["id"]!.GetValue<string>()).ToHashSet();
        var starts = lines.Select(l => Message(l, "testCaseStarted")).OfType<JsonObject>()
            .Where(s => testCases.Contains((string)s["testCaseId"]!)).Select(s => s["id"]!.GetValue<string>()).ToHashSet();
        return lines.Where(line =>
        {
            var envelope = JsonNode.Parse(line)!.AsObject();
            var message = envelope.Select(p => p.Value).OfType<JsonObject>().FirstOrDefault();
            return message is null
                || !(testCases.Contains((string?)message["id"] ?? "") && envelope.ContainsKey("testCase"))
                && !(envelope.ContainsKey("testCaseStarted") && starts.Contains((string?)message["id"] ?? ""))
                && !starts.Contains((string?)message["testCaseStartedId"] ?? "");
        }).ToArray();
    }
}
