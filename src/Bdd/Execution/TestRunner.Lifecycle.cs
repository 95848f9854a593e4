using System.Reflection;
using Bdd.Bindings;
using Bdd.BoDi;
using Bdd.Configuration;
using Bdd.Events;
using Bdd.Formatters;

namespace Bdd.Execution;

public sealed partial class TestRunner
{
    private static TestRunner CreateForAssembly(Assembly assembly)
    {
        BddConfiguration configuration;
        string? setupError = null;
        try
        {
            configuration = BddConfiguration.Load(AppContext.BaseDirectory);
        }
        catch (BddConfigurationException e)
        {
            configuration = BddConfiguration.Default;
            setupError = e.Message;
        }
        var types = new List<Type>(LoadableTypes(assembly));
        foreach (var name in configuration.BindingAssemblies)
        {
            try
            {
                types.AddRange(LoadableTypes(Assembly.Load(name)));
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
            {
                setupError = (setupError is null ? "" : setupError + "\n") + $"bindingAssemblies: cannot load '{name}': {e.Message}";
            }
        }
        var runner = new TestRunner(types, configuration, null, setupError);
        foreach (var formatter in FormatterFactory.CreateFromConfiguration(configuration))
        {
            runner.AddListener(formatter);
        }

        return runner;
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null)!;
        }
    }

    internal Task<string?> BeforeTestRunCoreAsync()
    {
        lock (_sync)
            return _beforeTestRun ??= RunBeforeTestRunAsync();
    }

    private async Task<string?> RunBeforeTestRunAsync()
    {
        await Task.Yield();
        if (HasListeners)
        {
            _testRunStartedId = Ids.NewId();
            Emit(new TestRunStarted(Now, _testRunStartedId));
            Emit(new BindingsDiscovered(Now,
                [.. Registry.Steps.Select(s => new StepDefinitionDescriptor(StepDefinitionId(s), s.Expression.Source,
                    s.Expression.Kind == Expressions.StepExpressionKind.CucumberExpression ? "CUCUMBER_EXPRESSION" : "REGULAR_EXPRESSION",
                    s.Display, [.. s.Types.Select(t => t.ToString())]))],
                [.. AllHooks().Select(h => new HookDescriptor(HookId(h), h.Kind.ToString(), h.Display,
                    h.Tags.Length == 0 ? null : string.Join(" or ", h.Tags.Select(t => "@" + t))))],
                Registry.Errors));
        }
        if (SetupError is not null)
            return SetupError;
        foreach (var hook in Registry.Hooks(HookKind.BeforeTestRun))
        {
            var error = await RunRunHookAsync(hook, Container);
            if (error is not null)
                return $"{HookInvoker.Name(hook)} failed, so no scenario can run:\n{Failures.Describe(error)}";
        }
        return null;
    }

    private async Task RunAfterTestRunAsync()
    {
        await Task.Yield();
        foreach (var feature in _features.Values)
            await feature.AfterFeatureAsync();
        string? message = null;
        foreach (var hook in SetupError is null ? Registry.Hooks(HookKind.AfterTestRun) : [])
        {
            var error = await RunRunHookAsync(hook, Container);
            if (error is not null)
            {
                message = $"{HookInvoker.Name(hook)} failed:\n{Failures.Describe(error)}";
                await Console.Error.WriteLineAsync(message);
            }
        }
        if (HasListeners)
            Emit(new TestRunFinished(Now, _testRunStartedId ?? Ids.NewId(), !HasFailed && message is null, message));
    }

    /// <summary>Runs a test-run or feature hook with TestRunHookStarted/Finished events.</summary>
    internal async Task<Exception?> RunRunHookAsync(HookBinding hook, ObjectContainer container)
    {
        var id = HasListeners ? Ids.NewId() : string.Empty;
        if (HasListeners)
            Emit(new TestRunHookStarted(Now, id, HookId(hook)));
        var started = Time.GetTimestamp();
        var error = await HookInvoker.RunAsync(hook, container);
        if (HasListeners)
        {
            Emit(new TestRunHookFinished(Now, id, error is null ? Execution.ScenarioStatus.Passed : Execution.ScenarioStatus.Failed,
                Time.GetElapsedTime(started), error is null ? null : Failures.Describe(error)));
        }
        return error;
    }

    private IEnumerable<HookBinding> AllHooks() => Enum.GetValues<HookKind>().SelectMany(Registry.Hooks);

    internal string HookId(HookBinding hook)
    {
        lock (_sync)
        {
            _hookIds ??= AllHooks().ToDictionary(h => h, _ => Ids.NewId());
            return _hookIds[hook];
        }
    }

    internal string StepDefinitionId(StepBinding step)
    {
        lock (_sync)
        {
            _stepDefinitionIds ??= Registry.Steps.ToDictionary(s => s, _ => Ids.NewId());
            return _stepDefinitionIds[step];
        }
    }
}
