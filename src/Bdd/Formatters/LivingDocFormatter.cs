using Bdd.Events;
using Bdd.Execution;

namespace Bdd.Formatters;

/// <summary>
/// Living documentation a product owner can browse, as static HTML (no Node needed): when the run finishes
/// it writes <see cref="OutputFilePath"/> (the index: features grouped by folder with pass/fail/pending/skipped/not run
/// counts, and the tag vocabulary), one page per feature next to it (description, rules, backgrounds,
/// scenarios with steps, tables and doc strings, examples with each row's status, status badges, durations,
/// failure messages) and <c>living-doc.css</c>. Only features that ran appear. Thread-safe.
/// </summary>
public sealed class LivingDocFormatter : IRunEventListener
{
    /// <summary>The stylesheet written next to the index.</summary>
    public const string StylesheetName = "living-doc.css";

    private readonly Lock _sync = new();
    private readonly Dictionary<string, DocFeature> _features = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string PickleId, DateTimeOffset Started)> _running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PickleOutcome> _outcomes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DocStepArguments> _arguments = new(StringComparer.Ordinal);

    /// <summary>Creates a formatter writing its index to <paramref name="outputFilePath"/> (absolute; e.g. reports/living-doc/index.html).</summary>
    public LivingDocFormatter(string outputFilePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFilePath);
        OutputFilePath = outputFilePath;
    }

    /// <summary>The index page; feature pages and the stylesheet go to its folder.</summary>
    public string OutputFilePath { get; }

    /// <inheritdoc />
    public void OnEvent(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        LivingDocRun? finished = null;
        lock (_sync)
        {
            switch (runEvent)
            {
                case SourceParsed parsed:
                    _features[parsed.Uri] = new DocFeature(parsed.Uri, parsed.Document, parsed.Pickles,
                        [.. parsed.Errors.Select(e => $"{e.Uri}:{e.Location.Line}:{e.Location.Column}: {e.Message}")]);
                    break;
                case TestCaseStarted started:
                    _running[started.TestCaseStartedId] = (started.Pickle.Id, started.Timestamp);
                    RecordArguments_NeedsLock(started);
                    break;
                case TestCaseFinished done when _running.Remove(done.TestCaseStartedId, out var run):
                    _outcomes[run.PickleId] = Outcome(done, done.Timestamp - run.Started);
                    break;
                case TestRunFinished end:
                    finished = Snapshot_NeedsLock(end.Timestamp);
                    break;
            }
        }
        if (finished is not null)
            Write(finished);
    }

    /// <summary>Writes the pages for what was collected so far.</summary>
    public void Flush()
    {
        LivingDocRun run;
        lock (_sync)
            run = Snapshot_NeedsLock(DateTimeOffset.MinValue);
        Write(run);
    }

    private LivingDocRun Snapshot_NeedsLock(DateTimeOffset finishedAt)
        => new([.. _features.Values.OrderBy(f => f.Uri, StringComparer.Ordinal)], new Dictionary<string, PickleOutcome>(_outcomes), finishedAt)
        {
            StepArguments = new Dictionary<string, DocStepArguments>(_arguments),
        };

    /// <summary>Keeps, per Gherkin step, the arguments of the one step definition that matched it (none when undefined or ambiguous).</summary>
    private void RecordArguments_NeedsLock(TestCaseStarted started)
    {
        foreach (var testStep in started.TestSteps)
        {
            if (testStep.PickleStepId is null || testStep.StepDefinitionIds.Count != 1 || testStep.StepMatchArgumentsLists.Count != 1)
                continue;
            var pickleStep = started.Pickle.Steps.FirstOrDefault(s => s.Id == testStep.PickleStepId);
            if (pickleStep is { AstNodeIds.Count: > 0 })
                _arguments.TryAdd(pickleStep.AstNodeIds[0], new DocStepArguments(pickleStep.Text, testStep.StepMatchArgumentsLists[0]));
        }
    }

    private static PickleOutcome Outcome(TestCaseFinished finished, TimeSpan elapsed)
    {
        var result = finished.Result;
        var stepTime = result.Steps.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);
        var status = result.Status switch
        {
            ScenarioStatus.Passed => DocStatus.Passed,
            ScenarioStatus.Failed => DocStatus.Failed,
            ScenarioStatus.Pending => DocStatus.Pending,
            ScenarioStatus.Undefined => DocStatus.Undefined,
            ScenarioStatus.Ambiguous => DocStatus.Ambiguous,
            _ => DocStatus.Skipped,
        };
        return new PickleOutcome(status, elapsed > stepTime ? elapsed : stepTime, result.Message, result.Steps);
    }

    private void Write(LivingDocRun run)
    {
        var directory = Path.GetDirectoryName(OutputFilePath) ?? ".";
        FormatterPaths.WriteAllText(Path.Combine(directory, StylesheetName), LivingDocStyle.Css);
        FormatterPaths.WriteAllText(OutputFilePath, LivingDocIndexPage.Render(run));
        foreach (var feature in run.Features)
            FormatterPaths.WriteAllText(Path.Combine(directory, feature.PageName), LivingDocFeaturePage.Render(feature, run, Path.GetFileName(OutputFilePath)));
    }
}
