using System.Collections.Concurrent;
using Bdd.Bindings;
using Bdd.BoDi;
using Bdd.Events;

namespace Bdd.Execution;

/// <summary>
/// Runs the scenarios of one feature file. The source is parsed and compiled once (on first use); each
/// pickle's plan (hooks, matched steps) is prepared once. Scenarios of one feature may run concurrently.
/// </summary>
public sealed class FeatureRunner
{
    private readonly TestRunner _runner;
    private readonly Lazy<CompiledFeature> _compiled;
    private readonly ConcurrentDictionary<string, Lazy<ScenarioPlan>> _plans = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();
    private ObjectContainer? _container;
    private FeatureContext? _context;
    private Task<string?>? _beforeFeature;
    private Task? _afterFeature;

    internal FeatureRunner(TestRunner runner, FeatureSource source)
    {
        _runner = runner;
        Source = source;
        _compiled = new Lazy<CompiledFeature>(Compile, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The feature file this runner runs.</summary>
    public FeatureSource Source { get; }

    /// <summary>The feature's context (created on first use; shared by its scenarios and feature hooks).</summary>
    public FeatureContext FeatureContext
    {
        get
        {
            EnsureContainer();
            return _context!;
        }
    }

    internal ObjectContainer Container
    {
        get
        {
            EnsureContainer();
            return _container!;
        }
    }

    internal CompiledFeature Compiled => _compiled.Value;

    /// <summary>Idempotent; runs the [BeforeFeature] hooks whose tags match the feature's (once).</summary>
    public Task BeforeFeatureAsync() => BeforeFeatureCoreAsync();

    /// <summary>Idempotent; runs the [AfterFeature] hooks (once; only if the feature's before hooks ran).</summary>
    public Task AfterFeatureAsync()
    {
        lock (_sync)
        {
            if (_beforeFeature is null)
                return Task.CompletedTask;
            return _afterFeature ??= RunAfterFeatureAsync();
        }
    }

    /// <summary>
    /// scenarioLine: line of the Scenario/Scenario Outline keyword; exampleRowLine: line of the Examples
    /// body row for outline rows, null otherwise. Never throws for test failures: they are in the result.
    /// </summary>
    public async Task<ScenarioResult> RunScenarioAsync(int scenarioLine, int? exampleRowLine, IScenarioOutput output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        _runner.WriteWarningsOnce(output);
        var compiled = Compiled;
        if (compiled.Errors.Count > 0)
            return Failed($"{Source.Uri} has Gherkin errors:\n" + string.Join("\n", compiled.Errors.Select(e => e.ToString())));
        if (_runner.SetupError is { } setupError)
            return Failed(setupError);
        if (!compiled.TryGetPickle(scenarioLine, exampleRowLine, out var pickle))
        {
            var where = exampleRowLine is null ? $"line {scenarioLine}" : $"line {scenarioLine} with an examples row at line {exampleRowLine}";
            return Failed($"{Source.Uri} has no scenario at {where} (was the feature file changed without rebuilding?).");
        }

        var runError = await _runner.BeforeTestRunCoreAsync();
        if (runError is not null)
            return Failed(runError);
        var featureError = await BeforeFeatureCoreAsync();
        if (featureError is not null)
            return Failed(featureError);

        var plan = _plans.GetOrAdd(pickle.Id, _ => new Lazy<ScenarioPlan>(() => new ScenarioPlan(compiled, pickle, _runner.Registry, _runner.Ids))).Value;
        if (_runner.Configuration.StopAtFirstError && _runner.HasFailed)
        {
            output.WriteLine("-> skipped: an earlier scenario failed and runtime.stopAtFirstError is true");
            return new ScenarioResult(ScenarioStatus.Skipped, "Skipped: an earlier scenario failed and runtime.stopAtFirstError is true.", null,
                [.. plan.Steps.Select(s => new StepResult(s.Keyword, s.Text, s.Line, ScenarioStatus.Skipped, TimeSpan.Zero, null))]) { ShouldSkip = true };
        }

        var result = await new ScenarioExecutor(_runner, this, plan, output, cancellationToken).RunAsync();
        if (!result.ShouldSkip && result.Status != ScenarioStatus.Passed)
            _runner.MarkFailed();
        return result;
    }

    private ScenarioResult Failed(string message)
    {
        _runner.MarkFailed();
        return new ScenarioResult(ScenarioStatus.Failed, message, null, []);
    }

    private CompiledFeature Compile()
    {
        var compiled = new CompiledFeature(Source, _runner.Configuration.FeatureLanguage, _runner.Ids);
        if (_runner.HasListeners)
            _runner.Emit(new SourceParsed(_runner.Now, Source.Uri, Source.Text, compiled.Document, compiled.Pickles, compiled.Errors));
        return compiled;
    }

    private void EnsureContainer()
    {
        lock (_sync)
        {
            if (_container is not null)
                return;
            var container = new ObjectContainer(_runner.Container);
            _context = new FeatureContext(Compiled.FeatureInfo, container);
            container.RegisterInstanceAs(_context);
            _container = container;
            _container.RegisterInstanceAs(_context.FeatureInfo);
        }
    }

    private Task<string?> BeforeFeatureCoreAsync()
    {
        lock (_sync)
            return _beforeFeature ??= RunFeatureHooksAsync(HookKind.BeforeFeature);
    }

    private async Task RunAfterFeatureAsync()
    {
        var error = await RunFeatureHooksAsync(HookKind.AfterFeature);
        if (error is not null)
            await Console.Error.WriteLineAsync(error);
    }

    private async Task<string?> RunFeatureHooksAsync(HookKind kind)
    {
        await Task.Yield();
        if (kind == HookKind.BeforeFeature && await _runner.BeforeTestRunCoreAsync() is { } runError)
            return runError;
        var compiled = Compiled;
        if (compiled.Errors.Count > 0 || _runner.SetupError is not null)
            return null;
        var target = new ScopeTarget(compiled.FeatureInfo.Title, null, compiled.FeatureInfo.Tags);
        var errors = new List<string>();
        foreach (var hook in _runner.Registry.Hooks(kind))
        {
            if (!hook.Applies(target))
                continue;
            var error = await _runner.RunRunHookAsync(hook, Container);
            if (error is not null)
            {
                errors.Add($"{HookInvoker.Name(hook)} failed for feature \"{compiled.FeatureInfo.Title}\" ({Source.Uri})\n{Failures.Describe(error)}");
                if (kind == HookKind.BeforeFeature)
                    break;
            }
        }
        return errors.Count == 0 ? null : string.Join("\n\n", errors);
    }
}
