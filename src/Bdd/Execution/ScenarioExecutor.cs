using System.Globalization;
using Bdd.BoDi;
using Bdd.Configuration;
using Bdd.Events;

namespace Bdd.Execution;

/// <summary>
/// Runs one scenario (pickle): a scenario container, BeforeScenario hooks, steps with BeforeStep/AfterStep
/// hooks, AfterScenario hooks (always), disposal; then folds everything into a <see cref="ScenarioResult"/>.
/// </summary>
internal sealed partial class ScenarioExecutor
{
    private readonly TestRunner _runner;
    private readonly FeatureRunner _feature;
    private readonly ScenarioPlan _plan;
    private readonly IScenarioOutput _output;
    private readonly CancellationToken _cancellationToken;
    private readonly ObjectContainer _container;
    private readonly ScenarioContext _context;
    private readonly string _testCaseStartedId;
    private readonly List<StepResult> _stepResults;
    private readonly List<string> _messages = [];
    private ScenarioStatus _status = ScenarioStatus.Passed;
    private Exception? _error;
    private string? _currentTestStepId;

    public ScenarioExecutor(TestRunner runner, FeatureRunner feature, ScenarioPlan plan, IScenarioOutput output, CancellationToken cancellationToken)
    {
        _runner = runner;
        _feature = feature;
        _plan = plan;
        _output = output;
        _cancellationToken = cancellationToken;
        _stepResults = new List<StepResult>(plan.Steps.Count);
        _testCaseStartedId = runner.HasListeners ? runner.Ids.NewId() : string.Empty;
        _container = new ObjectContainer(feature.Container);
        _context = new ScenarioContext(plan.CreateScenarioInfo(), _container);
        var outputHelper = new ReqnrollOutputHelper(output, Culture, runner.HasListeners ? Attach : null);
        _container.RegisterInstanceAs(_context);
        _container.RegisterInstanceAs(_context.ScenarioInfo);
        _container.RegisterInstanceAs(_context.StepContext);
        _container.RegisterInstanceAs<IReqnrollOutputHelper>(outputHelper);
    }

    private CultureInfo Culture => _runner.Configuration.BindingCulture;

    private string Uri => _feature.Source.Uri;

    public async Task<ScenarioResult> RunAsync()
    {
        if (_runner.HasListeners)
        {
            _runner.Emit(new TestCaseStarted(_runner.Now, _testCaseStartedId, _plan.TestCaseId, _plan.Pickle, 0,
                _plan.Describe(_runner.HookId, _runner.StepDefinitionId)));
        }

        for (var i = 0; i < _plan.BeforeScenario.Length && _status == ScenarioStatus.Passed; i++)
            await RunScenarioHookAsync(_plan.BeforeScenario[i], _plan.BeforeHookStepIds[i], "before");

        foreach (var step in _plan.Steps)
            await RunStepAsync(step);

        for (var i = 0; i < _plan.AfterScenario.Length; i++)
            await RunScenarioHookAsync(_plan.AfterScenario[i], _plan.AfterHookStepIds[i], "after");

        try
        {
            await _container.DisposeAsync();
        }
        catch (Exception e)
        {
            Fail(ScenarioStatus.Failed, Failures.Unwrap(e), $"Disposing the scenario's context-injected objects failed ({Uri}:{_plan.Pickle.Location.Line})\n{Failures.Describe(Failures.Unwrap(e))}");
        }

        var result = BuildResult();
        if (_runner.HasListeners)
            _runner.Emit(new TestCaseFinished(_runner.Now, _testCaseStartedId, result));
        return result;
    }

    private ScenarioResult BuildResult()
    {
        var outcome = _runner.Configuration.MissingOrPendingStepsOutcome;
        var isMissingOrPending = _status is ScenarioStatus.Pending or ScenarioStatus.Undefined;
        var shouldSkip = (isMissingOrPending && outcome != MissingOrPendingStepsOutcome.Error) || _status == ScenarioStatus.Skipped;
        var message = _messages.Count == 0 ? null : string.Join("\n\n", _messages);
        return new ScenarioResult(_status, message, _error, _stepResults) { ShouldSkip = shouldSkip };
    }

    /// <summary>Records the first non-passed outcome; later problems are appended to the message.</summary>
    private void Fail(ScenarioStatus status, Exception? error, string message)
    {
        if (_status == ScenarioStatus.Passed)
        {
            _status = status;
            _error = error;
            _context.TestError = error;
            _context.ScenarioExecutionStatus = status switch
            {
                ScenarioStatus.Pending => ScenarioExecutionStatus.StepDefinitionPending,
                ScenarioStatus.Undefined => ScenarioExecutionStatus.UndefinedStep,
                ScenarioStatus.Ambiguous => ScenarioExecutionStatus.BindingError,
                ScenarioStatus.Skipped => ScenarioExecutionStatus.Skipped,
                _ => ScenarioExecutionStatus.TestError,
            };
        }
        _messages.Add(message);
    }

    private void Attach(string body, string mediaType, string? fileName)
        => _runner.Emit(new Attachment(_runner.Now, _testCaseStartedId, _currentTestStepId, body, mediaType, fileName));

    private void StepStarted(string testStepId)
    {
        _currentTestStepId = testStepId;
        if (_runner.HasListeners)
            _runner.Emit(new TestStepStarted(_runner.Now, _testCaseStartedId, testStepId));
    }

    private void StepFinished(string testStepId, ScenarioStatus status, TimeSpan duration, string? message, Exception? error)
    {
        if (_runner.HasListeners)
            _runner.Emit(new TestStepFinished(_runner.Now, _testCaseStartedId, testStepId, status, duration, message, error));
        _currentTestStepId = null;
    }

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + "s";
}
