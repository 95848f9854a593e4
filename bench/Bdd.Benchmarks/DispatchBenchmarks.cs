using BenchmarkDotNet.Attributes;
using Bdd.Benchmarks.Bindings;
using Bdd.Bindings;
using Bdd.BoDi;
using Bdd.Matching;

namespace Bdd.Benchmarks;

/// <summary>
/// Step dispatch for a typical step with a {string} and an {int} among 200 bindings: match (index,
/// literal prefix, regex), convert the arguments, resolve the binding instance, invoke.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
[MedianColumn]
public class DispatchBenchmarks
{
    private const string Step = "the pool \"gpu-0\" has 4 leases";
    private BindingRegistry _registry = null!;
    private ObjectContainer _container = null!;
    private ScopeTarget _target = null!;

    [GlobalSetup]
    public void Setup()
    {
        _registry = new BindingRegistry([typeof(ManyBindings)], System.Globalization.CultureInfo.GetCultureInfo("en-US"));
        if (_registry.Steps.Count != 200 || _registry.Errors.Count != 0)
            throw new InvalidOperationException($"expected 200 bindings without errors, got {_registry.Steps.Count}: {string.Join("; ", _registry.Errors)}");
        _container = new ObjectContainer();
        _target = new ScopeTarget("Pools", "Leases", ["pool"]);
    }

    [Benchmark]
    public bool Match() => StepMatcher.Match(_registry, StepDefinitionType.Given, Step, StepArgumentKind.None, _target).Kind == MatchKind.Matched;

    [Benchmark]
    public ValueTask MatchConvertInvoke()
    {
        var match = StepMatcher.Match(_registry, StepDefinitionType.Given, Step, StepArgumentKind.None, _target);
        return StepInvoker.InvokeAsync(match.Binding!, match.Arguments, null, null, _container);
    }
}
