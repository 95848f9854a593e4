using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts;

namespace Steps.Drivers;

public sealed partial class ContextDriver
{
    /// <summary>Successes the threads of the last run saw in the answers.</summary>
    public long SuccessesSeen { get; private set; }

    /// <summary>Failures (anything but success) the threads of the last run saw.</summary>
    public long FailuresSeen { get; private set; }

    /// <summary>Allocations granted in the last allocation race.</summary>
    public long AllocationsGranted { get; private set; }

    /// <summary>How many requests the last <see cref="RunOnThreads"/> ran: threads × requests per thread.</summary>
    public long RequestsRun { get; private set; }

    /// <summary>The outcomes the threads of the last run saw, per tenant that ran requests, counted by outcome.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<ContextOutcome, long>> OutcomesSeen { get; private set; } =
        new Dictionary<string, IReadOnlyDictionary<ContextOutcome, long>>();

    /// <summary>Runs <paramref name="perThread"/> requests on each of <paramref name="threads"/> threads released at once.</summary>
    public void RunOnThreads(int threads, int perThread, string name, long memoryBytes)
    {
        var context = Context(name);
        var seen = new Dictionary<ContextOutcome, long>[threads];
        OnThreads(threads, t => seen[t] = Execute(context, context.TenantId, perThread, memoryBytes));
        var outcomes = Merge(seen);
        OutcomesSeen = new Dictionary<string, IReadOnlyDictionary<ContextOutcome, long>> { [context.TenantId] = outcomes };
        SuccessesSeen = outcomes.GetValueOrDefault(ContextOutcome.Succeeded);
        FailuresSeen = outcomes.Where(o => o.Key != ContextOutcome.Succeeded).Sum(o => o.Value);
        RequestsRun = (long)threads * perThread;
    }

    /// <summary>Runs two tenants' requests on two threads at once, each on the named context; keeps what each tenant saw.</summary>
    public void RunSideBySide(string firstTenant, string first, int firstCount, string secondTenant, string second, int secondCount, long secondMemoryBytes = 0)
    {
        var runs = new[] { (Context(first), firstTenant, firstCount, 0L), (Context(second), secondTenant, secondCount, secondMemoryBytes) };
        var seen = new Dictionary<ContextOutcome, long>[2];
        OnThreads(2, t => seen[t] = Execute(runs[t].Item1, runs[t].Item2, runs[t].Item3, runs[t].Item4));
        OutcomesSeen = new Dictionary<string, IReadOnlyDictionary<ContextOutcome, long>> { [firstTenant] = seen[0], [secondTenant] = seen[1] };
    }

    /// <summary>Races <paramref name="threads"/> threads allocating <paramref name="bytes"/> at a time, never releasing.</summary>
    public void AllocateOnThreads(int threads, int perThread, string name, long bytes)
    {
        var context = Context(name);
        long granted = 0;
        OnThreads(threads, _ =>
        {
            long local = 0;
            for (var i = 0; i < perThread; i++)
            {
                if (context.Allocate(bytes, context.TenantId).IsSuccess)
                {
                    local++;
                }
            }

            Interlocked.Add(ref granted, local);
        });
        AllocationsGranted = granted;
    }

    private static Dictionary<ContextOutcome, long> Execute(ModelContext context, string tenant, int count, long memoryBytes)
    {
        var request = new ModelRequest("prompt", memoryBytes);
        var outcomes = new Dictionary<ContextOutcome, long>();
        for (var i = 0; i < count; i++)
        {
            var pending = context.ExecuteAsync(request, tenant);
            var result = pending.IsCompleted ? pending.Result : pending.AsTask().WaitAsync(TimeSpan.FromSeconds(AnswerTimeoutSeconds)).GetAwaiter().GetResult();
            outcomes[result.Outcome] = outcomes.GetValueOrDefault(result.Outcome) + 1;
        }

        return outcomes;
    }

    private static Dictionary<ContextOutcome, long> Merge(IEnumerable<Dictionary<ContextOutcome, long>> seen) =>
        seen.SelectMany(s => s).GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.Sum(o => o.Value));

    private static void OnThreads(int threads, Action<int> body)
    {
        using var start = new Barrier(threads);
        var errors = new Exception?[threads];
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                body(t);
            }
            catch (Exception error)
            {
                errors[t] = error;
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        if (errors.FirstOrDefault(e => e is not null) is { } first)
        {
            throw new InvalidOperationException("a worker thread failed", first);
        }
    }
}
