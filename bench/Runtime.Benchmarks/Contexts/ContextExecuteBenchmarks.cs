using BenchmarkDotNet.Attributes;
using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;
using Runtime.ExecutionContexts.Tracing;

namespace Runtime.Benchmarks.Contexts;

/// <summary>
/// The cost a context adds around a backend: tenant check, state, counters, budget admission and
/// release, and (by default) one trace event. Target: ≤ 100 ns and 0 B per execute on the success path.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class ContextExecuteBenchmarks
{
    private static readonly ModelRequest Request = new("ping", 1024);
    private ContextFactory _traced = null!;
    private ContextFactory _untraced = null!;
    private ModelContext _context = null!;
    private ModelContext _contextWithoutTrace = null!;
    private IModelBackend _backend = null!;

    /// <summary>Two contexts on the system clock around a no-op backend.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _backend = NoOpBackend.Instance;
        _traced = new ContextFactory(traces: new TraceCollector());
        _untraced = new ContextFactory(new ContextFactoryOptions { TraceExecutions = false });
        _context = _traced.Create("llama-7b-v1", "acme", new BudgetLimits(ByteSize.GiB), _backend).Context!;
        _contextWithoutTrace = _untraced.Create("llama-7b-v1", "acme", new BudgetLimits(ByteSize.GiB), _backend).Context!;
    }

    /// <summary>Releases the contexts.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _traced.Dispose();
        _untraced.Dispose();
    }

    /// <summary>The backend alone: the floor.</summary>
    [Benchmark(Baseline = true)]
    public BackendResult BackendAlone() => _backend.InvokeAsync(Request, default).Result;

    /// <summary>A full execute, recording an Executed trace event.</summary>
    [Benchmark]
    public ContextResult Execute() => _context.ExecuteAsync(Request, "acme").Result;

    /// <summary>A full execute with execution tracing off.</summary>
    [Benchmark]
    public ContextResult ExecuteWithoutTrace() => _contextWithoutTrace.ExecuteAsync(Request, "acme").Result;
}
