using Io.Cucumber.Messages.Types;

namespace LivingDoc.Messages;

/// <summary>A run's messages, indexed the way the living documentation joins them.</summary>
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
}
