using System.Xml.Linq;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;

namespace FeatureCodeBehind.Tests.EndToEnd;

/// <summary>One <c>dotnet test</c> run of the sample: exit code, console output, TRX results, messages and hook log.</summary>
public sealed class SampleRun(string folder, int exit, string output)
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public int Exit { get; } = exit;

    public string Output { get; } = output;

    /// <summary>Every test result by display name (none when no test ran).</summary>
    public IReadOnlyDictionary<string, TestResult> Results { get; } = ReadTrx(Path.Combine(folder, "run.trx"));

    /// <summary>The Cucumber messages Reqnroll's message formatter wrote (none when no test ran).</summary>
    public IReadOnlyList<Envelope> Messages { get; } = File.Exists(Path.Combine(folder, "messages.ndjson"))
        ? File.ReadAllLines(Path.Combine(folder, "messages.ndjson")).Where(l => l.Length > 0).Select(NdjsonSerializer.Deserialize).ToArray()
        : [];

    /// <summary>The test-run hooks, in the order they ran.</summary>
    public IReadOnlyList<string> Hooks { get; } =
        File.Exists(Path.Combine(folder, "hooks.txt")) ? File.ReadAllLines(Path.Combine(folder, "hooks.txt")) : [];

    private static Dictionary<string, TestResult> ReadTrx(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var trx = XDocument.Load(path);
        var categories = trx.Descendants(Trx + "UnitTest").ToDictionary(
            test => (string)test.Attribute("id")!,
            test => test.Descendants(Trx + "TestCategoryItem").Select(c => (string)c.Attribute("TestCategory")!).ToArray());
        var locations = trx.Descendants(Trx + "UnitTest").ToDictionary(
            test => (string)test.Attribute("id")!,
            test => (string?)test.Element(Trx + "TestMethod")?.Attribute("className") + "." + (string?)test.Element(Trx + "TestMethod")?.Attribute("name"));
        return trx.Descendants(Trx + "UnitTestResult").ToDictionary(
            result => (string)result.Attribute("testName")!,
            result => new TestResult(
                (string)result.Attribute("outcome")!,
                (string?)result.Descendants(Trx + "Message").FirstOrDefault() ?? "",
                (string?)result.Descendants(Trx + "StdOut").FirstOrDefault() ?? "",
                (string?)result.Descendants(Trx + "StackTrace").FirstOrDefault() ?? "",
                categories[(string)result.Attribute("testId")!],
                locations[(string)result.Attribute("testId")!]));
    }
}

/// <summary>A test's result in the TRX: outcome, failure message, output, stack trace, Category traits and its method.</summary>
public sealed record TestResult(string Outcome, string Message, string Output, string StackTrace, IReadOnlyList<string> Categories, string Method);
