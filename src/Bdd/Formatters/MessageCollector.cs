using Bdd.Events;
using Bdd.Messages;

namespace Bdd.Formatters;

/// <summary>
/// Turns run events into the Cucumber Messages envelopes of a complete run, in an order every Cucumber
/// consumer accepts: meta, sources (source, gherkinDocument, pickles or parseErrors), stepDefinitions and
/// hooks, testRunStarted, every testCase, then the run's execution (run hooks as they happen, each test
/// case's envelopes together, in the order the test cases finished), then testRunFinished.
/// Thread-safe: events of parallel scenarios may interleave.
/// </summary>
public sealed class MessageCollector : IRunEventListener
{
    private readonly Lock _sync = new();
    private readonly List<string> _sources = [];
    private readonly List<string> _definitions = [];
    private readonly List<string> _testCases = [];
    private readonly HashSet<string> _testCaseIds = new(StringComparer.Ordinal);
    private readonly List<string> _execution = [];
    private readonly Dictionary<string, List<string>> _running = new(StringComparer.Ordinal);
    private string? _testRunStarted;
    private string? _testRunStartedId;
    private string? _testRunFinished;

    /// <summary>Raised (outside the lock) after TestRunFinished was collected, with the complete envelope list.</summary>
    public event Action<IReadOnlyList<string>>? RunFinished;

    /// <summary>The envelopes collected so far (a snapshot; test cases still running are left out).</summary>
    public IReadOnlyList<string> Envelopes
    {
        get
        {
            lock (_sync)
                return Snapshot_NeedsLock();
        }
    }

    /// <inheritdoc />
    public void OnEvent(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        IReadOnlyList<string>? finished = null;
        lock (_sync)
        {
            Collect_NeedsLock(runEvent);
            if (runEvent is TestRunFinished)
                finished = Snapshot_NeedsLock();
        }
        if (finished is not null)
            RunFinished?.Invoke(finished);
    }

    private void Collect_NeedsLock(RunEvent runEvent)
    {
        switch (runEvent)
        {
            case SourceParsed parsed:
                _sources.AddRange(RunEnvelopes.Source(parsed));
                break;
            case BindingsDiscovered bindings:
                _definitions.AddRange(bindings.StepDefinitions.Select(RunEnvelopes.StepDefinition));
                _definitions.AddRange(bindings.Hooks.Select(RunEnvelopes.Hook));
                break;
            case TestRunStarted started:
                _testRunStartedId = started.TestRunStartedId;
                _testRunStarted = RunEnvelopes.TestRunStarted(started);
                break;
            case TestCaseStarted started:
                if (_testCaseIds.Add(started.TestCaseId))
                    _testCases.Add(RunEnvelopes.TestCase(started, _testRunStartedId));
                _running[started.TestCaseStartedId] = [RunEnvelopes.TestCaseStarted(started)];
                break;
            case TestStepStarted step:
                Append_NeedsLock(step.TestCaseStartedId, RunEnvelopes.TestStepStarted(step));
                break;
            case TestStepFinished step:
                Append_NeedsLock(step.TestCaseStartedId, RunEnvelopes.TestStepFinished(step));
                break;
            case Attachment attachment:
                Append_NeedsLock(attachment.TestCaseStartedId, RunEnvelopes.Attachment(attachment));
                break;
            case TestCaseFinished finished:
                Append_NeedsLock(finished.TestCaseStartedId, RunEnvelopes.TestCaseFinished(finished));
                if (_running.Remove(finished.TestCaseStartedId, out var envelopes))
                    _execution.AddRange(envelopes);
                break;
            case TestRunHookStarted hook:
                _execution.Add(RunEnvelopes.TestRunHookStarted(hook, _testRunStartedId ?? string.Empty));
                break;
            case TestRunHookFinished hook:
                _execution.Add(RunEnvelopes.TestRunHookFinished(hook));
                break;
            case TestRunFinished finished:
                _testRunFinished = RunEnvelopes.TestRunFinished(finished);
                break;
        }
    }

    private void Append_NeedsLock(string? testCaseStartedId, string envelope)
    {
        if (testCaseStartedId is not null && _running.TryGetValue(testCaseStartedId, out var envelopes))
            envelopes.Add(envelope);
        else
            _execution.Add(envelope);
    }

    private List<string> Snapshot_NeedsLock()
    {
        var all = new List<string>(_sources.Count + _definitions.Count + _testCases.Count + _execution.Count + 3) { RunEnvelopes.Meta() };
        all.AddRange(_sources);
        all.AddRange(_definitions);
        if (_testRunStarted is not null)
            all.Add(_testRunStarted);
        all.AddRange(_testCases);
        all.AddRange(_execution);
        if (_testRunFinished is not null)
            all.Add(_testRunFinished);
        return all;
    }
}
