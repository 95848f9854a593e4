using Bdd.Bindings;
using Bdd.Matching;

namespace Bdd.Execution;

internal sealed partial class ScenarioExecutor
{
    private async Task RunScenarioHookAsync(HookBinding hook, string testStepId, string when)
    {
        StepStarted(testStepId);
        var started = _runner.Time.GetTimestamp();
        var error = await HookInvoker.RunAsync(hook, _container);
        var duration = _runner.Time.GetElapsedTime(started);
        string? message = null;
        if (error is not null)
        {
            message = $"{HookInvoker.Name(hook)} -- failed {when} scenario \"{_plan.Pickle.Name}\" ({Uri}:{_plan.Pickle.Location.Line})\n{Failures.Describe(error)}";
            _output.WriteLine($"-> hook error: {HookInvoker.Name(hook)}: {error.Message}");
            Fail(ScenarioStatus.Failed, error, message);
        }
        StepFinished(testStepId, error is null ? ScenarioStatus.Passed : ScenarioStatus.Failed, duration, message, error);
    }

    private async Task RunStepAsync(StepPlan step)
    {
        _output.WriteLine(step.Keyword + step.Text);
        StepStarted(step.TestStepId);
        ScenarioStatus status;
        string? message = null;
        Exception? error = null;
        var duration = TimeSpan.Zero;
        if (_status == ScenarioStatus.Passed && _cancellationToken.IsCancellationRequested)
            Fail(ScenarioStatus.Skipped, null, $"{Header(step)} -- skipped at {Uri}:{step.Line}: the run was cancelled.");
        if (_status != ScenarioStatus.Passed)
        {
            status = ScenarioStatus.Skipped;
            if (step.Match.Kind == MatchKind.Undefined)
                _messages.Add(UndefinedMessage(step, also: true));
            _output.WriteLine(_cancellationToken.IsCancellationRequested ? "-> skipped: the run was cancelled" : "-> skipped because of previous errors");
        }
        else
        {
            switch (step.Match.Kind)
            {
                case MatchKind.Undefined:
                    status = ScenarioStatus.Undefined;
                    message = UndefinedMessage(step, also: false);
                    _output.WriteLine("-> No matching step definition found for the step. Use the following code to create one:\n" + Snippet(step));
                    break;
                case MatchKind.Ambiguous:
                    status = ScenarioStatus.Ambiguous;
                    message = $"{Header(step)} -- ambiguous at {Uri}:{step.Line}; these step definitions all match (narrow one with [Scope] or change an expression):\n"
                        + string.Join("\n", step.Match.Candidates.Select(c => "  " + c.Describe()));
                    _output.WriteLine("-> ambiguous step definitions");
                    break;
                case MatchKind.ParameterMismatch:
                    status = ScenarioStatus.Failed;
                    message = $"{Header(step)} -- binding error at {Uri}:{step.Line}: the expression matches but the parameters do not fit "
                        + $"(the step has {ArgumentDescription(step)}):\n"
                        + string.Join("\n", step.Match.Candidates.Select(c => $"  {c.Describe()} takes {c.ParameterCount} parameter(s), the expression captures {c.Expression.ArgumentCount}"));
                    _output.WriteLine("-> binding error: parameter count mismatch");
                    break;
                default:
                    (status, duration, error, message) = await ExecuteAsync(step);
                    break;
            }
            if (status != ScenarioStatus.Passed)
                Fail(status, error, message!);
        }
        _context.StepContext.Status = _context.ScenarioExecutionStatus;
        _stepResults.Add(new StepResult(step.Keyword, step.Text, step.Line, status, duration, message));
        StepFinished(step.TestStepId, status, duration, message, error);
    }

    private async Task<(ScenarioStatus, TimeSpan, Exception?, string?)> ExecuteAsync(StepPlan step)
    {
        var binding = step.Match.Binding!;
        var table = step.ArgumentKind == StepArgumentKind.DataTable ? step.CreateTable(Culture) : null;
        var stepContext = _context.StepContext;
        stepContext.StepInfo = new StepInfo(step.Type, step.Text, table, step.DocString) { Keyword = step.Keyword, Line = step.Line };
        _context.CurrentScenarioBlock = (ScenarioBlock)((int)step.Type + 1);
        stepContext.Status = ScenarioExecutionStatus.OK;
        stepContext.TestError = null;

        var started = _runner.Time.GetTimestamp();
        Exception? error = null;
        foreach (var hook in _plan.BeforeStep)
        {
            error = await HookInvoker.RunAsync(hook, _container);
            if (error is not null)
            {
                error = new HookFailure(hook, error);
                break;
            }
        }
        if (error is null)
            error = await InvokeStepAsync(step, binding, table);
        stepContext.TestError = error;
        stepContext.Status = error is null ? ScenarioExecutionStatus.OK
            : error is PendingStepException ? ScenarioExecutionStatus.StepDefinitionPending : ScenarioExecutionStatus.TestError;
        if (error is null || error is not HookFailure)
        {
            foreach (var hook in _plan.AfterStep)
            {
                var hookError = await HookInvoker.RunAsync(hook, _container);
                if (hookError is not null && error is null)
                    error = new HookFailure(hook, hookError);
            }
        }
        var duration = _runner.Time.GetElapsedTime(started);

        if (error is null)
        {
            _output.WriteLine($"-> done: {binding.Display} ({Seconds(duration)})");
            return (ScenarioStatus.Passed, duration, null, null);
        }
        if (error is HookFailure hookFailure)
        {
            _output.WriteLine($"-> hook error: {HookInvoker.Name(hookFailure.Hook)}: {hookFailure.InnerException!.Message}");
            return (ScenarioStatus.Failed, duration, hookFailure.InnerException,
                $"{Header(step)} -- {HookInvoker.Name(hookFailure.Hook)} failed at {Uri}:{step.Line}\n{Failures.Describe(hookFailure.InnerException!)}");
        }
        if (error is PendingStepException)
        {
            _output.WriteLine($"-> pending: {binding.Display}: {error.Message}");
            return (ScenarioStatus.Pending, duration, error, $"{Header(step)} -- pending at {Uri}:{step.Line} ({binding.Display}): {error.Message}");
        }
        _output.WriteLine($"-> error: {error.Message} ({Seconds(duration)})");
        return (ScenarioStatus.Failed, duration, error, $"{Header(step)} -- failed at {Uri}:{step.Line} ({binding.Display})\n{Failures.Describe(error)}");
    }

    private async Task<Exception?> InvokeStepAsync(StepPlan step, StepBinding binding, DataTable? table)
    {
        try
        {
            var docString = step.ArgumentKind == StepArgumentKind.DocString ? step.DocString : null;
            await StepInvoker.InvokeAsync(binding, step.Match.Arguments, table, docString, _container);
            return null;
        }
        catch (Exception e)
        {
            return Failures.Unwrap(e);
        }
    }

    private static string Header(StepPlan step) => step.Keyword + step.Text;

    private string Snippet(StepPlan step) => Matching.SnippetGenerator.Generate(step.Type, step.Text, step.ArgumentKind);

    private string UndefinedMessage(StepPlan step, bool also)
    {
        var hint = string.Empty;
        var others = StepMatcher.OtherKeywordMatches(_runner.Registry, step.Type, step.Text);
        if (others.Count > 0)
        {
            hint = $"\nNote: step definitions for another keyword match this text, but a {step.Type} step only matches [{step.Type}] and [StepDefinition] definitions:\n"
                + string.Join("\n", others.Select(o => "  " + o.Describe()));
        }
        return $"{Header(step)} -- {(also ? "also " : "")}undefined at {Uri}:{step.Line}. Add this step definition to a [Binding] class:\n\n{Snippet(step)}{hint}";
    }

    private static string ArgumentDescription(StepPlan step) => step.ArgumentKind switch
    {
        StepArgumentKind.DataTable => "a data table",
        StepArgumentKind.DocString => "a doc string",
        _ => "no data table or doc string",
    };

    /// <summary>Marks an exception thrown by a BeforeStep/AfterStep hook.</summary>
    private sealed class HookFailure(HookBinding hook, Exception inner) : Exception(inner.Message, inner)
    {
        public HookBinding Hook { get; } = hook;
    }
}
