using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;
using Runtime.ExecutionContexts.Tracing;
using Steps.Contexts;
using Steps.Time;

namespace Steps.Drivers;

/// <summary>
/// Owns a scenario's contexts: one factory and one trace collector on the scenario clock, contexts and
/// their scripted backends by name (the model id), and the last attempt for the Then steps. Created per
/// scenario by injection; disposing it disposes every context.
/// </summary>
public sealed partial class ContextDriver(ScenarioClock clock) : IDisposable
{
    private const long DefaultBudget = ByteSize.GiB;
    private readonly Dictionary<string, ModelContext> _contexts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ScriptedBackend> _backends = new(StringComparer.Ordinal);
    private readonly List<Task<ContextResult>> _pending = [];
    private readonly Dictionary<string, BackendConnection> _connections = new(StringComparer.Ordinal);
    private ContextFactory? _factory;
    private int _traceCapacity = TraceDefaults.Capacity;
    private int _maxPerTenant = ContextDefaults.MaxContextsPerTenant;

    /// <summary>The last attempt captured by a "When ... attempts to ..." step.</summary>
    public ContextAttempt? LastAttempt { get; private set; }

    /// <summary>The factory, built on first use with the configured trace capacity and tenant limit.</summary>
    public ContextFactory Factory => _factory ??= new ContextFactory(
        new ContextFactoryOptions { MaxContextsPerTenant = _maxPerTenant },
        new TraceCollector(new TraceCollectorOptions { Capacity = _traceCapacity, TimeProvider = clock.Time }),
        clock.Time);

    /// <summary>The shared trace collector.</summary>
    public TraceCollector Traces => Factory.Traces;

    /// <summary>The clock's reading when the scenario began.</summary>
    public DateTimeOffset Start { get; } = clock.Time.GetUtcNow();

    /// <summary>Sets the trace capacity; only before the first context is made.</summary>
    public void KeepTraceEvents(int capacity)
    {
        RequireNoFactory();
        _traceCapacity = capacity;
    }

    /// <summary>Sets the per-tenant limit; only before the first context is made.</summary>
    public void AllowContextsPerTenant(int limit)
    {
        RequireNoFactory();
        _maxPerTenant = limit;
    }

    /// <summary>The context named <paramref name="name"/> (its model id).</summary>
    public ModelContext Context(string name) =>
        _contexts.TryGetValue(name, out var context) ? context : throw new InvalidOperationException($"no context {name} in this scenario");

    /// <summary>
    /// The context named <paramref name="name"/>, acted on by <paramref name="tenant"/> through an operation that
    /// takes no tenant (make a child, set metadata, dispose): a scenario naming the wrong owner is a mistake in
    /// the scenario, reported as such.
    /// </summary>
    public ModelContext ContextOf(string tenant, string name)
    {
        var context = Context(name);
        return context.TenantId == tenant
            ? context
            : throw new InvalidOperationException($"the scenario has tenant {tenant} act on {name}, which belongs to tenant {context.TenantId}");
    }

    /// <summary>The scripted backend of the context named <paramref name="name"/>.</summary>
    public ScriptedBackend Backend(string name) =>
        _backends.TryGetValue(name, out var backend) ? backend : throw new InvalidOperationException($"no backend for {name} in this scenario");

    /// <summary>Makes a context that must be created (a Given).</summary>
    public ModelContext Create(string model, string tenant, long memoryBytes = DefaultBudget, int concurrentRequests = BudgetDefaults.ConcurrentRequests, long totalRequests = BudgetDefaults.TotalRequests)
    {
        var backend = new ScriptedBackend(clock.Time);
        var creation = Factory.Create(model, tenant, new BudgetLimits(memoryBytes, concurrentRequests, totalRequests), backend);
        return Register(model, creation, backend);
    }

    /// <summary>Attempts to make a context; bad input and refusals are captured.</summary>
    public void AttemptCreate(
        string model, string tenant, long memoryBytes = DefaultBudget, int concurrentRequests = BudgetDefaults.ConcurrentRequests,
        long totalRequests = BudgetDefaults.TotalRequests, bool withBackend = true)
    {
        Attempt(() =>
        {
            var backend = withBackend ? new ScriptedBackend(clock.Time) : null;
            var limits = new BudgetLimits(memoryBytes, concurrentRequests, totalRequests);
            var creation = _connections.TryGetValue(model, out var connection)
                ? Factory.Create(model, tenant, limits, () => connection.Connect(backend!))
                : Factory.Create(model, tenant, limits, backend!);
            if (creation.IsCreated)
            {
                Register(model, creation, backend!);
            }

            return ContextAttempt.From(creation);
        });
    }

    /// <summary>The connection of the backend of <paramref name="model"/>: creations of its contexts go through it from now on.</summary>
    public BackendConnection Connection(string model)
    {
        if (!_connections.TryGetValue(model, out var connection))
        {
            _connections[model] = connection = new BackendConnection();
        }

        return connection;
    }

    /// <summary>Makes a child that must be created (a Given).</summary>
    public ModelContext CreateChild(
        string parent, string child, long memoryBytes, int concurrentRequests = BudgetDefaults.ConcurrentRequests, long totalRequests = BudgetDefaults.TotalRequests)
    {
        var backend = new ScriptedBackend(clock.Time);
        return Register(child, Context(parent).CreateChild(child, new BudgetLimits(memoryBytes, concurrentRequests, totalRequests), backend), backend);
    }

    /// <summary>Attempts to make a child; the refusal is captured.</summary>
    public void AttemptCreateChild(string parent, string child, long memoryBytes, long totalRequests = BudgetDefaults.TotalRequests)
    {
        Attempt(() =>
        {
            var backend = new ScriptedBackend(clock.Time);
            var creation = Context(parent).CreateChild(child, new BudgetLimits(memoryBytes, totalRequests: totalRequests), backend);
            if (creation.IsCreated)
            {
                Register(child, creation, backend);
            }

            return ContextAttempt.From(creation);
        });
    }

    /// <summary>Disposes every context of the scenario.</summary>
    public void Dispose() => _factory?.Dispose();

    private ModelContext Register(string name, ContextCreation creation, ScriptedBackend backend)
    {
        var context = creation.Context ?? throw new InvalidOperationException($"context {name} was refused: {creation.Message}");
        _contexts.Add(name, context);
        _backends.Add(name, backend);
        return context;
    }

    private void Attempt(Func<ContextAttempt> attempt)
    {
        try
        {
            LastAttempt = attempt();
        }
        catch (ArgumentException refusal)
        {
            LastAttempt = ContextAttempt.From(refusal);
        }
    }

    private void RequireNoFactory()
    {
        if (_factory is not null)
        {
            throw new InvalidOperationException("configure the trace and tenant limits before the first context of the scenario");
        }
    }
}
