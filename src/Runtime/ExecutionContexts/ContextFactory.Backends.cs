using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;

namespace Runtime.ExecutionContexts;

/// <summary>Creating contexts whose backend must be connected first, behind a circuit per backend.</summary>
public sealed partial class ContextFactory
{
    private readonly Dictionary<string, BackendCircuit> _circuits = new(StringComparer.Ordinal);

    /// <summary>
    /// Connects a backend for <paramref name="modelId"/> with <paramref name="connect"/>, then creates the context
    /// as <see cref="Create(string, string, BudgetLimits, IModelBackend)"/> does. Each model's backend has a circuit:
    /// after <see cref="ContextFactoryOptions.BackendFailureThreshold"/> failed connections in a row, creations for
    /// that model fail fast (<see cref="ContextCreationError.BackendCircuitOpen"/>, without calling
    /// <paramref name="connect"/>) until <see cref="ContextFactoryOptions.BackendCoolDown"/> has passed since the last
    /// failure, on the factory's <see cref="TimeProvider"/>. Then one connection is tried; a success closes the circuit.
    /// </summary>
    /// <returns>The context, or a refusal: the tenant limit, the open circuit, or the failed connection with its reason.</returns>
    /// <exception cref="ArgumentException">When an id is null, empty, blank or a placeholder.</exception>
    public ContextCreation Create(string modelId, string tenantId, BudgetLimits limits, Func<IModelBackend> connect)
    {
        ContextValidation.RequireRealId(modelId, nameof(modelId));
        ContextValidation.RequireRealId(tenantId, nameof(tenantId));
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(connect);
        if (RefuseAtTenantLimit(tenantId) is { } refused)
        {
            return refused;
        }

        BackendCircuit circuit;
        lock (_lock)
        {
            if (!_circuits.TryGetValue(modelId, out circuit!))
            {
                circuit = _circuits[modelId] = new BackendCircuit();
            }

            if (!circuit.TryAdmit(Time.GetUtcNow(), Options))
            {
                return new(ContextCreationError.BackendCircuitOpen,
                    $"the backend of {modelId} failed {circuit.Failures} times in a row: creations fail fast until {Options.BackendCoolDown.TotalSeconds:0.###} s after the last failure");
            }
        }

        IModelBackend backend;
        try
        {
            backend = connect() ?? throw new InvalidOperationException("the connection gave no backend");
        }
        catch (Exception e)
        {
            lock (_lock)
            {
                circuit.Failed(Time.GetUtcNow());
            }

            ContextLog.BackendConnectFailed(Logger, modelId, tenantId, e.Message);
            return new(ContextCreationError.BackendUnavailable, $"the backend of {modelId} could not be connected: {e.Message}");
        }

        lock (_lock)
        {
            circuit.Succeeded();
        }

        return Create(modelId, tenantId, limits, backend);
    }

    private ContextCreation? RefuseAtTenantLimit(string tenantId)
    {
        lock (_lock)
        {
            return _rootsPerTenant.GetValueOrDefault(tenantId) >= Options.MaxContextsPerTenant
                ? new ContextCreation(ContextCreationError.TenantLimitReached, $"tenant {tenantId} has reached its limit of {Options.MaxContextsPerTenant} live contexts")
                : null;
        }
    }

    /// <summary>Consecutive connection failures of one model's backend. Used under the factory's lock.</summary>
    private sealed class BackendCircuit
    {
        private DateTimeOffset _lastFailure;
        private bool _probing;

        public int Failures { get; private set; }

        /// <summary>Closed: yes. Open: no until the cool-down has passed, then one probe at a time.</summary>
        public bool TryAdmit(DateTimeOffset now, ContextFactoryOptions options)
        {
            if (Failures < options.BackendFailureThreshold)
            {
                return true;
            }

            if (_probing || now - _lastFailure < options.BackendCoolDown)
            {
                return false;
            }

            _probing = true;
            return true;
        }

        public void Failed(DateTimeOffset now)
        {
            Failures++;
            _lastFailure = now;
            _probing = false;
        }

        public void Succeeded()
        {
            Failures = 0;
            _probing = false;
        }
    }
}
