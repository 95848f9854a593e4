using Io.Cucumber.Messages.Types;

namespace LivingDoc.Messages;

/// <summary>
/// A run's messages, indexed the way the living documentation joins them. The lookups by id keep the first message
/// of an id; a repeated id is a mismatch that <see cref="Verification"/> reports, never a crash.
/// </summary>
internal sealed class RunMessages
{
    public RunMessages(IReadOnlyList<Envelope> envelopes)
    {
        Documents = envelopes.Select(e => e.GherkinDocument).OfType<GherkinDocument>().ToArray();
        Pickles = envelopes.Select(e => e.Pickle).OfType<Pickle>().ToArray();
        TestCases = envelopes.Select(e => e.TestCase).OfType<TestCase>().ToArray();
        Started = envelopes.Select(e => e.TestCaseStarted).OfType<TestCaseStarted>().ToArray();
        Finished = envelopes.Select(e => e.TestCaseFinished).OfType<TestCaseFinished>().ToArray();
        StepsFinished = envelopes.Select(e => e.TestStepFinished).OfType<TestStepFinished>().ToArray();
        Attachments = envelopes.Select(e => e.Attachment).OfType<Attachment>().ToArray();
        StepDefinitions = envelopes.Select(e => e.StepDefinition).OfType<StepDefinition>().ToArray();
        RunFinished = envelopes.Select(e => e.TestRunFinished).OfType<TestRunFinished>().FirstOrDefault();
        RunStarted = envelopes.Select(e => e.TestRunStarted).OfType<TestRunStarted>().FirstOrDefault();
        Meta = envelopes.Select(e => e.Meta).OfType<Meta>().FirstOrDefault();
        PicklesById = ById(Pickles, p => p.Id);
        TestCasesById = ById(TestCases, c => c.Id);
        FinishedByStartedId = ById(Finished, f => f.TestCaseStartedId);
    }

    public IReadOnlyList<GherkinDocument> Documents { get; }

    public IReadOnlyList<Pickle> Pickles { get; }

    public IReadOnlyList<TestCase> TestCases { get; }

    public IReadOnlyList<TestCaseStarted> Started { get; }

    public IReadOnlyList<TestCaseFinished> Finished { get; }

    public IReadOnlyList<TestStepFinished> StepsFinished { get; }

    public IReadOnlyList<Attachment> Attachments { get; }

    public IReadOnlyList<StepDefinition> StepDefinitions { get; }

    public TestRunFinished? RunFinished { get; }

    public TestRunStarted? RunStarted { get; }

    public Meta? Meta { get; }

    public IReadOnlyDictionary<string, Pickle> PicklesById { get; }

    public IReadOnlyDictionary<string, TestCase> TestCasesById { get; }

    public IReadOnlyDictionary<string, TestCaseFinished> FinishedByStartedId { get; }

    /// <summary>The document a run reported for <paramref name="uri"/>, or null.</summary>
    public GherkinDocument? DocumentOf(string uri) => Documents.FirstOrDefault(d => d.Uri == uri);

    /// <summary>By id, the first of each id.</summary>
    public static Dictionary<string, T> ById<T>(IEnumerable<T> items, Func<T, string> id)
    {
        var byId = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            byId.TryAdd(id(item), item);
        }

        return byId;
    }
}
