using Io.Cucumber.Messages.Types;
using LivingDoc.Model;

namespace LivingDoc.Messages;

/// <summary>
/// Joins a run's messages with the feature files: a feature that ran is shown as the run saw it (its GherkinDocument
/// and pickles from the messages, whose ids the results refer to); every other feature is parsed from disk and shown
/// as not run.
/// </summary>
internal static class RunBuilder
{
    public static LivingDocRun Build(IReadOnlyList<DocFeature> files, RunMessages messages)
    {
        var features = RunMessages.ById(files, f => f.Uri);
        foreach (var document in messages.Documents)
        {
            if (FeatureFiles.Match(features.Keys, document.Uri) is { } onDisk)
            {
                features.Remove(onDisk);
            }

            var pickles = messages.Pickles.Where(p => p.Uri == document.Uri && p.AstNodeIds.Count > 0).ToArray();
            features[document.Uri] = new DocFeature(document.Uri, document, pickles, []);
        }

        var outcomes = new Dictionary<string, PickleOutcome>(StringComparer.Ordinal);
        foreach (var started in messages.Started.OrderBy(s => s.Attempt))
        {
            if (messages.TestCasesById.TryGetValue(started.TestCaseId, out var testCase) && messages.PicklesById.TryGetValue(testCase.PickleId, out var pickle))
            {
                outcomes[pickle.Id] = Outcome(started, testCase, pickle, messages, messages.FinishedByStartedId.GetValueOrDefault(started.Id));
            }
        }

        return new LivingDocRun(
            features.Values.OrderBy(f => f.Uri, StringComparer.Ordinal).ToArray(),
            outcomes,
            Arguments(messages.TestCases, messages.PicklesById),
            messages.RunFinished is { } end ? Time(end.Timestamp) : null);
    }

    private static PickleOutcome Outcome(TestCaseStarted started, TestCase testCase, Pickle pickle, RunMessages messages, TestCaseFinished? finished)
    {
        var testSteps = RunMessages.ById(testCase.TestSteps, s => s.Id);
        var pickleSteps = RunMessages.ById(pickle.Steps, s => s.Id);
        var steps = new Dictionary<string, StepOutcome>(StringComparer.Ordinal);
        var statuses = new List<DocStatus>();
        var log = new List<LogLine>();
        var attachmentsByStep = messages.Attachments.Where(a => a.TestCaseStartedId == started.Id && a.TestStepId is not null)
            .ToLookup(a => a.TestStepId, StringComparer.Ordinal);
        string? message = null;
        foreach (var step in messages.StepsFinished.Where(s => s.TestCaseStartedId == started.Id))
        {
            var status = Status(step.TestStepResult.Status);
            statuses.Add(status);
            message ??= status is DocStatus.Passed or DocStatus.Skipped ? null : step.TestStepResult.Message;
            var took = TimeSpan.FromTicks(step.TestStepResult.Duration.Seconds * TimeSpan.TicksPerSecond + step.TestStepResult.Duration.Nanos / 100);
            if (testSteps.TryGetValue(step.TestStepId, out var testStep) && testStep.PickleStepId is { } id && pickleSteps.TryGetValue(id, out var pickleStep))
            {
                foreach (var astId in pickleStep.AstNodeIds.Take(1))
                {
                    steps[astId] = new StepOutcome(status, step.TestStepResult.Message);
                }

                log.Add(new LogLine(pickleStep.Text, status, took, step.TestStepResult.Message));
            }
            else if (status != DocStatus.Passed)
            {
                log.Add(new LogLine("(hook)", status, took, step.TestStepResult.Message));
            }

            log.AddRange(attachmentsByStep[step.TestStepId].Select(a => new LogLine(AttachmentText(a), null, TimeSpan.Zero, null)));
        }

        var worst = statuses.Count == 0 ? DocStatus.Skipped : Rank[statuses.Min(Severity)];
        var duration = finished is null ? TimeSpan.Zero : Time(finished.Timestamp) - Time(started.Timestamp);
        var attachments = messages.Attachments
            .Where(a => a.TestCaseStartedId == started.Id).Select(AttachmentText).ToArray();
        return new PickleOutcome(finished is null ? DocStatus.Failed : worst, duration, finished is null ? "The scenario started but never finished." : message, steps, attachments)
        {
            Log = log,
        };
    }

    /// <summary>A text attachment as it is; a binary one (base64) as its name, media type and size.</summary>
    private static string AttachmentText(Attachment attachment) => attachment.ContentEncoding == AttachmentContentEncoding.IDENTITY
        ? attachment.Body
        : $"[{(string.IsNullOrEmpty(attachment.FileName) ? "attachment" : attachment.FileName)}, {attachment.MediaType}, {attachment.Body.Length * 3 / 4} bytes]";

    private static readonly DocStatus[] Rank =
        [DocStatus.Failed, DocStatus.Ambiguous, DocStatus.Undefined, DocStatus.Pending, DocStatus.Skipped, DocStatus.Passed];

    private static int Severity(DocStatus status) => Array.IndexOf(Rank, status) is var i and >= 0 ? i : Rank.Length - 1;

    private static Dictionary<string, StepArguments> Arguments(IEnumerable<TestCase> testCases, IReadOnlyDictionary<string, Pickle> pickles)
    {
        var arguments = new Dictionary<string, StepArguments>(StringComparer.Ordinal);
        foreach (var testCase in testCases)
        {
            if (!pickles.TryGetValue(testCase.PickleId, out var pickle))
            {
                continue;
            }

            foreach (var testStep in testCase.TestSteps.Where(s => s.PickleStepId is not null && s.StepDefinitionIds?.Count == 1 && s.StepMatchArgumentsLists?.Count == 1))
            {
                var pickleStep = pickle.Steps.FirstOrDefault(s => s.Id == testStep.PickleStepId);
                if (pickleStep is { AstNodeIds.Count: > 0 })
                {
                    var values = testStep.StepMatchArgumentsLists[0].StepMatchArguments
                        .Where(a => a.Group?.Start is not null && !string.IsNullOrEmpty(a.Group.Value))
                        .Select(a => (a.Group.Start!.Value, a.Group.Value!)).ToArray();
                    arguments.TryAdd(pickleStep.AstNodeIds[0], new StepArguments(pickleStep.Text, values));
                }
            }
        }

        return arguments;
    }

    private static DocStatus Status(TestStepResultStatus status) => status switch
    {
        TestStepResultStatus.PASSED => DocStatus.Passed,
        TestStepResultStatus.FAILED => DocStatus.Failed,
        TestStepResultStatus.PENDING => DocStatus.Pending,
        TestStepResultStatus.UNDEFINED => DocStatus.Undefined,
        TestStepResultStatus.AMBIGUOUS => DocStatus.Ambiguous,
        _ => DocStatus.Skipped,
    };

    private static DateTimeOffset Time(Timestamp timestamp) =>
        DateTimeOffset.FromUnixTimeSeconds(timestamp.Seconds).AddTicks(timestamp.Nanos / 100);
}
