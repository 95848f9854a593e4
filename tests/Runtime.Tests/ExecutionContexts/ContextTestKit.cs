using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;
using Microsoft.Extensions.Time.Testing;
using Runtime.Tests.Support;
using Runtime.ExecutionContexts.Tracing;

namespace Runtime.Tests.ExecutionContexts;

/// <summary>A factory on a manual clock with a shared collector, and short ways to make contexts.</summary>
internal sealed class ContextTestKit : IDisposable
{
    public ContextTestKit(int maxPerTenant = ContextDefaults.MaxContextsPerTenant, int traceCapacity = 1024)
    {
        Traces = new TraceCollector(new TraceCollectorOptions { Capacity = traceCapacity, TimeProvider = Time });
        Factory = new ContextFactory(new ContextFactoryOptions { MaxContextsPerTenant = maxPerTenant }, Traces, Time);
    }

    public FakeTimeProvider Time { get; } = TestClock.New();

    public TraceCollector Traces { get; }

    public ContextFactory Factory { get; }

    public ModelContext Create(string tenant = "acme", string model = "llama-7b-v1", long memory = ByteSize.GiB, IModelBackend? backend = null, int concurrent = 64) =>
        Factory.Create(model, tenant, new BudgetLimits(memory, concurrent), backend ?? new ScriptedBackend(Time)).Context
        ?? throw new InvalidOperationException("the test context was refused");

    public void Dispose() => Factory.Dispose();
}
