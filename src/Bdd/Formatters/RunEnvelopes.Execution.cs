using Bdd.Events;
using Bdd.Execution;
using Bdd.Messages;

namespace Bdd.Formatters;

internal static partial class RunEnvelopes
{
    public static string TestRunStarted(TestRunStarted started) => Envelope.Create("testRunStarted", w =>
        w.Timestamp("timestamp", started.Timestamp).String("id", started.TestRunStartedId));

    public static string TestCase(TestCaseStarted started, string? testRunStartedId) => Envelope.Create("testCase", w =>
    {
        w.String("id", started.TestCaseId).String("pickleId", started.Pickle.Id);
        w.Name("testSteps").StartArray();
        foreach (var step in started.TestSteps)
        {
            w.StartObject().String("id", step.TestStepId);
            if (step.HookId is not null)
            {
                w.String("hookId", step.HookId);
            }
            else
            {
                w.StringIfNotNull("pickleStepId", step.PickleStepId).Strings("stepDefinitionIds", step.StepDefinitionIds);
                w.Name("stepMatchArgumentsLists").StartArray();
                for (var i = 0; i < step.StepDefinitionIds.Count; i++)
                {
                    w.StartObject().Name("stepMatchArguments").StartArray();
                    foreach (var argument in i < step.StepMatchArgumentsLists.Count ? step.StepMatchArgumentsLists[i] : [])
                        StepMatchArgument(w, argument);
                    w.EndArray().EndObject();
                }
                w.EndArray();
            }
            w.EndObject();
        }
        w.EndArray().StringIfNotNull("testRunStartedId", testRunStartedId);
    });

    private static void StepMatchArgument(JsonLineWriter w, StepMatchArgument argument)
    {
        w.StartObject().Name("group").StartObject().Name("children").StartArray().EndArray()
            .NumberIfNotNull("start", argument.Start).StringIfNotNull("value", argument.Value).EndObject();
        w.StringIfNotNull("parameterTypeName", argument.ParameterTypeName).EndObject();
    }

    public static string TestCaseStarted(TestCaseStarted started) => Envelope.Create("testCaseStarted", w =>
        w.Number("attempt", started.Attempt).String("id", started.TestCaseStartedId).String("testCaseId", started.TestCaseId)
            .Timestamp("timestamp", started.Timestamp));

    public static string TestStepStarted(TestStepStarted started) => Envelope.Create("testStepStarted", w =>
        w.String("testCaseStartedId", started.TestCaseStartedId).String("testStepId", started.TestStepId)
            .Timestamp("timestamp", started.Timestamp));

    public static string TestStepFinished(TestStepFinished finished) => Envelope.Create("testStepFinished", w =>
    {
        w.String("testCaseStartedId", finished.TestCaseStartedId).String("testStepId", finished.TestStepId);
        Result(w, "testStepResult", finished.Status, finished.Duration, finished.Message, finished.Exception);
        w.Timestamp("timestamp", finished.Timestamp);
    });

    public static string Attachment(Events.Attachment attachment) => Envelope.Create("attachment", w =>
    {
        var (body, encoding) = AttachmentBody(attachment);
        w.String("body", body).String("contentEncoding", encoding).StringIfNotNull("fileName", attachment.FileName)
            .String("mediaType", attachment.MediaType)
            .StringIfNotNull("testCaseStartedId", attachment.TestCaseStartedId).StringIfNotNull("testStepId", attachment.TestStepId)
            .Timestamp("timestamp", attachment.Timestamp);
    });

    public static string TestCaseFinished(TestCaseFinished finished) => Envelope.Create("testCaseFinished", w =>
        w.String("testCaseStartedId", finished.TestCaseStartedId).Timestamp("timestamp", finished.Timestamp).Boolean("willBeRetried", false));

    public static string TestRunHookStarted(TestRunHookStarted started, string testRunStartedId) => Envelope.Create("testRunHookStarted", w =>
        w.String("id", started.TestRunHookStartedId).String("testRunStartedId", testRunStartedId).String("hookId", started.HookId)
            .Timestamp("timestamp", started.Timestamp));

    public static string TestRunHookFinished(TestRunHookFinished finished) => Envelope.Create("testRunHookFinished", w =>
    {
        w.String("testRunHookStartedId", finished.TestRunHookStartedId);
        Result(w, "result", finished.Status, finished.Duration, finished.Message, null);
        w.Timestamp("timestamp", finished.Timestamp);
    });

    public static string TestRunFinished(TestRunFinished finished) => Envelope.Create("testRunFinished", w =>
        w.StringIfNotNull("message", finished.Message).Boolean("success", finished.Success).Timestamp("timestamp", finished.Timestamp)
            .String("testRunStartedId", finished.TestRunStartedId));

    /// <summary>Cucumber's TestStepResultStatus name of a status ("PASSED", "FAILED", ...).</summary>
    public static string Status(ScenarioStatus status) => status switch
    {
        ScenarioStatus.Passed => "PASSED",
        ScenarioStatus.Failed => "FAILED",
        ScenarioStatus.Pending => "PENDING",
        ScenarioStatus.Undefined => "UNDEFINED",
        ScenarioStatus.Ambiguous => "AMBIGUOUS",
        ScenarioStatus.Skipped => "SKIPPED",
        _ => "UNKNOWN",
    };

    /// <summary>
    /// A TestStepResult. The exception's stackTrace is the step's failure message (type, message, trimmed
    /// stack), which the HTML report shows in place of the message.
    /// </summary>
    private static void Result(JsonLineWriter w, string name, ScenarioStatus status, TimeSpan duration, string? message, Exception? exception)
    {
        w.Name(name).StartObject().Duration("duration", duration < TimeSpan.Zero ? TimeSpan.Zero : duration)
            .StringIfNotNull("message", message).String("status", Status(status));
        if (exception is not null)
        {
            w.Name("exception").StartObject().String("type", exception.GetType().FullName ?? exception.GetType().Name)
                .String("message", exception.Message).String("stackTrace", message ?? exception.ToString()).EndObject();
        }
        w.EndObject();
    }

    /// <summary>Text is attached as is; a file (FileName set, Body its path) is read and attached as BASE64 when it exists.</summary>
    private static (string Body, string Encoding) AttachmentBody(Events.Attachment attachment)
    {
        if (attachment.FileName is not null && File.Exists(attachment.Body))
        {
            try
            {
                return (Convert.ToBase64String(File.ReadAllBytes(attachment.Body)), "BASE64");
            }
            catch (IOException)
            {
                // unreadable: fall back to the path
            }
            catch (UnauthorizedAccessException)
            {
                // unreadable: fall back to the path
            }
        }
        return (attachment.Body, "IDENTITY");
    }
}
