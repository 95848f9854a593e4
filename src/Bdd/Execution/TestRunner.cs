using System.Collections.Concurrent;
using System.Reflection;
using Bdd.Bindings;
using Bdd.BoDi;
using Bdd.Configuration;
using Bdd.Events;

namespace Bdd.Execution;

/// <summary>
/// One per test assembly: bindings discovered from that assembly (and reqnroll.json's bindingAssemblies),
/// reqnroll.json read from AppContext.BaseDirectory. Thread-safe: scenarios of different features (and of
/// one feature) may run concurrently; each gets its own container and binding instances.
/// </summary>
public sealed partial class TestRunner
{
    private static readonly ConcurrentDictionary<Assembly, Lazy<TestRunner>> Runners = new();

    private readonly ConcurrentDictionary<string, FeatureRunner> _features = new(StringComparer.Ordinal);
    private readonly Lock _sync = new();
    private IRunEventListener[] _listeners = [];
    private Task<string?>? _beforeTestRun;
    private Task? _afterTestRun;
    private int _warningsWritten;
    private int _failed;
    private string? _testRunStartedId;
    private Dictionary<HookBinding, string>? _hookIds;
    private Dictionary<StepBinding, string>? _stepDefinitionIds;

    internal TestRunner(IEnumerable<Type> bindingTypes, BddConfiguration configuration, TimeProvider? timeProvider = null, string? setupError = null)
    {
        Configuration = configuration;
        Time = timeProvider ?? TimeProvider.System;
        Registry = new BindingRegistry(bindingTypes, configuration.BindingCulture);
        var errors = new List<string>();
        if (setupError is not null)
            errors.Add(setupError);
        if (Registry.Errors.Count > 0)
            errors.Add("Binding errors:\n" + string.Join("\n", Registry.Errors.Select(e => "  " + e)));
        SetupError = errors.Count == 0 ? null : string.Join("\n\n", errors);
        Container = new ObjectContainer();
        Container.RegisterInstanceAs<IReqnrollOutputHelper>(new ReqnrollOutputHelper(ConsoleScenarioOutput.Instance, configuration.BindingCulture, null));
        foreach (var warning in configuration.Warnings)
            Console.Error.WriteLine("warning: " + warning);
    }

    /// <summary>The runner of <paramref name="testAssembly"/>; created once per assembly, thread-safe.</summary>
    public static TestRunner ForAssembly(Assembly testAssembly)
    {
        ArgumentNullException.ThrowIfNull(testAssembly);
        return Runners.GetOrAdd(testAssembly, a => new Lazy<TestRunner>(() => CreateForAssembly(a))).Value;
    }

    /// <summary>A runner over explicit binding types (tests, tools): no assembly cache, no reqnroll.json lookup.</summary>
    internal static TestRunner Create(IEnumerable<Type> bindingTypes, BddConfiguration? configuration = null, TimeProvider? timeProvider = null)
        => new(bindingTypes, configuration ?? BddConfiguration.Default, timeProvider);

    /// <summary>The parsed reqnroll.json (defaults when absent or invalid; see <see cref="SetupError"/>).</summary>
    public BddConfiguration Configuration { get; }

    /// <summary>A configuration or binding problem that fails every scenario, or null.</summary>
    public string? SetupError { get; }

    internal BindingRegistry Registry { get; }

    internal ObjectContainer Container { get; }

    internal TimeProvider Time { get; }

    internal RunIds Ids { get; } = new();

    internal bool HasListeners => Volatile.Read(ref _listeners).Length > 0;

    internal DateTimeOffset Now => Time.GetUtcNow();

    internal bool HasFailed => Volatile.Read(ref _failed) != 0;

    /// <summary>Idempotent; runs [BeforeTestRun] hooks once.</summary>
    public Task BeforeTestRunAsync() => BeforeTestRunCoreAsync();

    /// <summary>Idempotent; runs [AfterTestRun] hooks (once, only after BeforeTestRun ran), then raises TestRunFinished.</summary>
    public Task AfterTestRunAsync()
    {
        lock (_sync)
        {
            if (_beforeTestRun is null)
                return Task.CompletedTask;
            return _afterTestRun ??= RunAfterTestRunAsync();
        }
    }

    /// <summary>The feature runner for <paramref name="source"/>, cached per Uri (the first source for a Uri wins).</summary>
    public FeatureRunner GetFeature(FeatureSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _features.GetOrAdd(source.Uri, _ => new FeatureRunner(this, source));
    }

    /// <summary>Adds a consumer of the run's events (add listeners before running scenarios).</summary>
    public void AddListener(IRunEventListener listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_sync)
            _listeners = [.. _listeners, listener];
    }

    internal void MarkFailed() => Interlocked.Exchange(ref _failed, 1);

    internal void WriteWarningsOnce(IScenarioOutput output)
    {
        if (Configuration.Warnings.Count == 0 || Interlocked.Exchange(ref _warningsWritten, 1) != 0)
            return;
        foreach (var warning in Configuration.Warnings)
            output.WriteLine("warning: " + warning);
    }

    internal void Emit(RunEvent runEvent)
    {
        foreach (var listener in Volatile.Read(ref _listeners))
        {
            try
            {
                listener.OnEvent(runEvent);
            }
            catch (Exception e)
            {
                Console.Error.WriteLine($"The run event listener {listener.GetType().Name} failed on {runEvent.GetType().Name}: {e}");
            }
        }
    }
}
