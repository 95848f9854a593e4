using System.Collections.Concurrent;
using System.Globalization;
using Runtime.ExecutionContexts.Tracing;

namespace Steps.Drivers;

/// <summary>Many threads writing into the shared trace at once, each for a context of its own, and tenants listening.</summary>
public sealed partial class ContextDriver
{
    private readonly ConcurrentQueue<TraceEvent> _heard = new();
    private string[] _writers = [];
    private long[] _writerAllocations = [];
    private int _throwEvery;
    private long _heardCount;

    /// <summary>The writers of the last run: their context ids, in thread order.</summary>
    public IReadOnlyList<string> Writers => _writers;

    /// <summary>The events each writer of the last run recorded.</summary>
    public long EventsPerWriter { get; private set; }

    /// <summary>Bytes each writer thread allocated while recording.</summary>
    public IReadOnlyList<long> WriterAllocations => _writerAllocations;

    /// <summary>The events the subscriber heard, in the order each arrived.</summary>
    public IReadOnlyCollection<TraceEvent> Heard => _heard;

    /// <summary>Subscribes to the events of <paramref name="tenant"/>; with <paramref name="throwEvery"/> &gt; 0 the subscriber throws on every such event.</summary>
    public void Listen(string tenant, int throwEvery = 0)
    {
        _throwEvery = throwEvery;
        _ = Traces.Listen(tenant, e =>
        {
            _heard.Enqueue(e);
            if (_throwEvery > 0 && Interlocked.Increment(ref _heardCount) % _throwEvery == 0)
            {
                throw new InvalidOperationException("the subscriber failed");
            }
        });
    }

    /// <summary>
    /// <paramref name="threads"/> threads, released at once, each record <paramref name="perThread"/> events (values 0, 1, ...)
    /// for a context of their own; the contexts belong to <paramref name="tenants"/> tenants in turn (tenant-01, ...).
    /// </summary>
    public void RecordOnThreads(int threads, long perThread, int tenants = 1)
    {
        _writers = Enumerable.Range(1, threads).Select(t => $"writer-{t.ToString("00", CultureInfo.InvariantCulture)}").ToArray();
        var subscriptions = _writers.Select((w, t) =>
        {
            var tenant = $"tenant-{(t % tenants + 1).ToString("00", CultureInfo.InvariantCulture)}";
            return Traces.Subscribe(w, "llama-7b-v1", tenant, w);
        }).ToArray();
        _writerAllocations = new long[threads];
        EventsPerWriter = perThread;
        OnThreads(threads, t =>
        {
            var subscription = subscriptions[t];
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0L; i < perThread; i++)
            {
                subscription.Record(TraceEventKind.Executed, i);
            }

            _writerAllocations[t] = GC.GetAllocatedBytesForCurrentThread() - before;
        });
        Array.ForEach(subscriptions, s => s.Dispose());
    }
}
