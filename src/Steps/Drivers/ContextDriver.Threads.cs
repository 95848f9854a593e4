using Runtime.Backends;
using Runtime.Contexts;

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

    /// <summary>Runs <paramref name="perThread"/> requests on each of <paramref name="threads"/> threads released at once.</summary>
    public void RunOnThreads(int threads, int perThread, string name, long memoryBytes)
    {
        var context = Context(name);
        long successes = 0, failures = 0;
        OnThreads(threads, _ =>
        {
            var (ok, failed) = Execute(context, context.TenantId, perThread, memoryBytes);
            Interlocked.Add(ref successes, ok);
            Interlocked.Add(ref failures, failed);
        });
        SuccessesSeen = successes;
        FailuresSeen = failures;
        RequestsRun = (long)threads * perThread;
    }

    /// <summary>Runs two contexts' requests on two threads at once.</summary>
    public void RunSideBySide(string firstTenant, string first, int firstCount, string secondTenant, string second, int secondCount, long secondMemoryBytes = 0)
    {
        var contexts = new[] { (Context(first), firstTenant, firstCount, 0L), (Context(second), secondTenant, secondCount, secondMemoryBytes) };
        OnThreads(2, t => Execute(contexts[t].Item1, contexts[t].Item2, contexts[t].Item3, contexts[t].Item4));
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

    private static (long Successes, long Failures) Execute(ModelContext context, string tenant, int count, long memoryBytes)
    {
        var request = new ModelRequest("prompt", memoryBytes);
        long successes = 0, failures = 0;
        for (var i = 0; i < count; i++)
        {
            var pending = context.ExecuteAsync(request, tenant);
            var result = pending.IsCompleted ? pending.Result : pending.AsTask().WaitAsync(TimeSpan.FromSeconds(AnswerTimeoutSeconds)).GetAwaiter().GetResult();
            if (result.IsSuccess)
            {
                successes++;
            }
            else
            {
                failures++;
            }
        }

        return (successes, failures);
    }

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
