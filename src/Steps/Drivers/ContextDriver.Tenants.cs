using System.Globalization;
using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;

namespace Steps.Drivers;

/// <summary>Many tenants at once: a context each, requests on every one from many threads, creations racing for a limit.</summary>
public sealed partial class ContextDriver
{
    private readonly List<string> _tenants = [];
    private readonly Dictionary<string, TenantTally> _tallies = new(StringComparer.Ordinal);
    private int _races;

    /// <summary>The tenants made by <see cref="CreateTenants"/>: tenant-01, tenant-02, ...</summary>
    public IReadOnlyList<string> Tenants => _tenants;

    /// <summary>Creations granted and refusals (by reason) of the last creation race.</summary>
    public (long Granted, IReadOnlyDictionary<ContextCreationError, long> Refused) CreationRace { get; private set; }

    /// <summary>What the threads saw of a tenant's requests in the last run on every tenant.</summary>
    public TenantTally Tally(string tenant) => _tallies[tenant];

    /// <summary>Makes <paramref name="count"/> tenants, each with one context named after the tenant.</summary>
    public void CreateTenants(int count, long memoryBytes, int concurrentRequests)
    {
        for (var i = 1; i <= count; i++)
        {
            var tenant = $"tenant-{i.ToString("00", CultureInfo.InvariantCulture)}";
            var backend = new ScriptedBackend(clock.Time);
            Register(tenant, Factory.Create("llama-7b-v1", tenant, new BudgetLimits(memoryBytes, concurrentRequests), backend), backend);
            _tenants.Add(tenant);
        }
    }

    /// <summary>
    /// Each of <paramref name="threads"/> threads runs <paramref name="perTenant"/> requests on every tenant's context,
    /// going round the tenants, and tallies what it saw per tenant.
    /// </summary>
    public void RunOnEveryTenant(int threads, int perTenant, long memoryBytes)
    {
        var request = new ModelRequest("prompt", memoryBytes);
        var contexts = _tenants.Select(Context).ToArray();
        var seen = new TenantTally[threads, contexts.Length];
        OnThreads(threads, t =>
        {
            for (var i = 0; i < perTenant; i++)
            {
                for (var c = 0; c < contexts.Length; c++)
                {
                    var pending = contexts[c].ExecuteAsync(request, contexts[c].TenantId);
                    var result = pending.IsCompleted ? pending.Result : pending.AsTask().WaitAsync(TimeSpan.FromSeconds(AnswerTimeoutSeconds)).GetAwaiter().GetResult();
                    seen[t, c] = seen[t, c].Add(result.Outcome);
                }
            }
        });
        for (var c = 0; c < contexts.Length; c++)
        {
            var total = default(TenantTally);
            for (var t = 0; t < threads; t++)
            {
                total = total.Plus(seen[t, c]);
            }

            _tallies[_tenants[c]] = total;
        }
    }

    /// <summary><paramref name="threads"/> threads race <paramref name="creations"/> creations for <paramref name="tenant"/>, each with its own model id.</summary>
    public void RaceCreations(int threads, int creations, string tenant, long memoryBytes)
    {
        var factory = Factory; // built once here, not lazily by the racing threads
        var race = ++_races;
        var granted = 0L;
        var refused = new System.Collections.Concurrent.ConcurrentDictionary<ContextCreationError, long>();
        var made = new System.Collections.Concurrent.ConcurrentBag<(string Model, ModelContext Context, ScriptedBackend Backend)>();
        var next = -1;
        OnThreads(threads, _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) < creations)
            {
                var model = $"model-{race}-{n}";
                var backend = new ScriptedBackend(clock.Time);
                var creation = factory.Create(model, tenant, new BudgetLimits(memoryBytes), backend);
                if (creation.IsCreated)
                {
                    Interlocked.Increment(ref granted);
                    made.Add((model, creation.Context!, backend));
                }
                else
                {
                    refused.AddOrUpdate(creation.Error, 1, (_, count) => count + 1);
                }
            }
        });
        foreach (var (model, context, backend) in made)
        {
            _contexts.Add(model, context);
            _backends.Add(model, backend);
        }

        CreationRace = (granted, new Dictionary<ContextCreationError, long>(refused));
    }

    /// <summary>Disposes one live context of <paramref name="tenant"/>.</summary>
    public void DisposeOneOf(string tenant) =>
        _contexts.Values.First(c => c.TenantId == tenant && c.State != ContextState.Disposed).Dispose();

    /// <summary>
    /// Creates and disposes <paramref name="count"/> contexts of <paramref name="tenant"/> one after another, each
    /// running one request; returns how many of them are still reachable after full collections. Each context is
    /// watched through a weak reference, so what other scenarios allocate meanwhile cannot count.
    /// </summary>
    public int CreateAndDispose(int count, string tenant)
    {
        var disposed = CreateAndDisposeWatched(count, tenant);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return disposed.Count(w => w.IsAlive);
    }

    // Not inlined: a debug build keeps a method's locals alive to its end, which would hold the last context.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private WeakReference[] CreateAndDisposeWatched(int count, string tenant)
    {
        var request = new ModelRequest("prompt", 1024);
        var disposed = new WeakReference[count];
        for (var i = 0; i < count; i++)
        {
            var creation = Factory.Create("llama-7b-v1", tenant, new BudgetLimits(ByteSize.MiB), NoOpBackend.Instance);
            var context = creation.Context ?? throw new InvalidOperationException($"creation {i} was refused: {creation.Message}");
            _ = context.ExecuteAsync(request, tenant).Result;
            context.Dispose();
            disposed[i] = new WeakReference(context);
        }

        return disposed;
    }
}

/// <summary>What threads saw of one tenant's requests.</summary>
public readonly record struct TenantTally(long Requests, long Successes, long Failures, long BackendFailures)
{
    /// <summary>This tally with one more answer.</summary>
    public TenantTally Add(ContextOutcome outcome) => new(
        Requests + 1,
        Successes + (outcome == ContextOutcome.Succeeded ? 1 : 0),
        Failures + (outcome == ContextOutcome.Succeeded ? 0 : 1),
        BackendFailures + (outcome is ContextOutcome.BackendFailed or ContextOutcome.ContextFaulted ? 1 : 0));

    /// <summary>The sum of two tallies.</summary>
    public TenantTally Plus(TenantTally other) =>
        new(Requests + other.Requests, Successes + other.Successes, Failures + other.Failures, BackendFailures + other.BackendFailures);
}
