using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts.Tracing;

namespace Runtime.ExecutionContexts;

/// <summary>
/// Makes <see cref="ModelContext"/>s, one per model and tenant, enforces the per-tenant limit and keeps
/// the counts that prove disposal releases everything: live contexts per tenant, reserved memory, and
/// (through <see cref="Traces"/>) trace subscriptions. Thread-safe.
/// </summary>
public sealed partial class ContextFactory : IDisposable
{
    private readonly object _lock = new();
    private readonly Dictionary<string, int> _rootsPerTenant = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModelContext> _live = new(StringComparer.Ordinal);
    private long _reservedBytes;
    private long _made;
    private bool _disposed;

    /// <summary>Creates a factory.</summary>
    /// <param name="options">Limits; null uses the defaults (2 contexts per tenant).</param>
    /// <param name="traces">The shared trace collector; null makes one of 1,024 events on <paramref name="time"/>.</param>
    /// <param name="time">The clock for fault times; null means <see cref="TimeProvider.System"/>.</param>
    /// <param name="loggerFactory">Makes the logger (category: this type) of structured events (context_faulted, context_reset, tenant_limit_reached); null logs nothing.</param>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range (the message says which).</exception>
    public ContextFactory(ContextFactoryOptions? options = null, TraceCollector? traces = null, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        Options = options ?? new ContextFactoryOptions();
        Options.Validate();
        Time = time ?? TimeProvider.System;
        Traces = traces ?? new TraceCollector(new TraceCollectorOptions { TimeProvider = Time });
        Logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<ContextFactory>();
        Metrics = new ContextMetrics(Options.MeterFactory);
    }

    /// <summary>The options in force.</summary>
    public ContextFactoryOptions Options { get; }

    /// <summary>The trace collector every context of this factory writes to.</summary>
    public TraceCollector Traces { get; }

    internal TimeProvider Time { get; }

    internal ILogger Logger { get; }

    internal ContextMetrics Metrics { get; }

    /// <summary>Live contexts, children included.</summary>
    public int LiveContexts
    {
        get
        {
            lock (_lock)
            {
                return _live.Count;
            }
        }
    }

    /// <summary>Memory reserved by live root contexts (the sum of their memory limits), in bytes.</summary>
    public long ReservedMemoryBytes => Interlocked.Read(ref _reservedBytes);

    /// <summary>Live root contexts of <paramref name="tenantId"/> (the number the per-tenant limit applies to).</summary>
    public int GetLiveContextCount(string tenantId)
    {
        lock (_lock)
        {
            return _rootsPerTenant.GetValueOrDefault(tenantId);
        }
    }

    /// <summary>
    /// Creates a context for <paramref name="modelId"/> owned by <paramref name="tenantId"/>.
    /// </summary>
    /// <param name="modelId">The model; must not be null, empty or blank.</param>
    /// <param name="tenantId">The owning tenant; must not be null, empty or blank.</param>
    /// <param name="limits">The budget (its constructor refuses zero or negative limits); required.</param>
    /// <param name="backend">What runs the model; required.</param>
    /// <returns>The context, or a refusal when the tenant already holds <see cref="ContextFactoryOptions.MaxContextsPerTenant"/> live contexts.</returns>
    /// <exception cref="ArgumentException">When an id is null, empty or blank (<see cref="ArgumentException.ParamName"/> says which).</exception>
    /// <exception cref="ArgumentNullException">When <paramref name="limits"/> or <paramref name="backend"/> is null.</exception>
    public ContextCreation Create(string modelId, string tenantId, BudgetLimits limits, IModelBackend backend)
    {
        ContextValidation.RequireRealId(modelId, nameof(modelId));
        ContextValidation.RequireRealId(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(limits);
        if (backend is null)
        {
            throw new ArgumentNullException(nameof(backend), "A backend is required to run the model.");
        }

        ModelContext context;
        lock (_lock)
        {
            if (_disposed)
            {
                return new(ContextCreationError.FactoryDisposed, "the context factory is disposed");
            }

            var held = _rootsPerTenant.GetValueOrDefault(tenantId);
            if (held >= Options.MaxContextsPerTenant)
            {
                ContextLog.TenantLimitReached(Logger, tenantId, Options.MaxContextsPerTenant);
                return new(ContextCreationError.TenantLimitReached,
                    $"tenant {tenantId} has reached its limit of {Options.MaxContextsPerTenant} live contexts");
            }

            context = new ModelContext(this, $"{tenantId}/{modelId}#{++_made}", modelId, tenantId, limits, backend, parent: null);
            _rootsPerTenant[tenantId] = held + 1;
            _live.Add(context.Id, context);
            _reservedBytes += limits.MemoryBytes;
        }

        context.RecordCreated();
        return new(context);
    }

    /// <summary>
    /// Finds a live context by id for <paramref name="callerTenant"/>: another tenant's context is refused
    /// as forbidden, an unknown id as disposed.
    /// </summary>
    public ContextRead<ModelContext> Find(string contextId, string callerTenant)
    {
        ModelContext? context;
        lock (_lock)
        {
            _live.TryGetValue(contextId, out context);
        }

        if (context is null)
        {
            return new(ContextOutcome.Disposed, $"no live context {contextId}");
        }

        return string.Equals(context.TenantId, callerTenant, StringComparison.Ordinal)
            ? new(context)
            : new(ContextOutcome.Forbidden, $"tenant {callerTenant} may not use context {contextId} of tenant {context.TenantId}");
    }

    /// <summary>Disposes every live context and refuses further creations.</summary>
    public void Dispose()
    {
        ModelContext[] roots;
        lock (_lock)
        {
            _disposed = true;
            roots = [.. _live.Values.Where(c => c.Parent is null)];
        }

        foreach (var root in roots)
        {
            root.Dispose();
        }

        Metrics.Dispose();
    }

    internal void OnChildCreated(ModelContext child)
    {
        lock (_lock)
        {
            // a parent disposed between making the child and this call has already disposed the child
            if (child.State != ContextState.Disposed)
            {
                _live.Add(child.Id, child);
            }
        }

        child.RecordCreated();
    }

    internal void OnDisposed(ModelContext context)
    {
        lock (_lock)
        {
            if (!_live.Remove(context.Id) || context.Parent is not null)
            {
                return;
            }

            var held = _rootsPerTenant[context.TenantId] - 1;
            if (held == 0)
            {
                _rootsPerTenant.Remove(context.TenantId);
            }
            else
            {
                _rootsPerTenant[context.TenantId] = held;
            }

            _reservedBytes -= context.Budget.Limits.MemoryBytes;
        }
    }
}
