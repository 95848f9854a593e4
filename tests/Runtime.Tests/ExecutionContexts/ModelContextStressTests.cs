using FluentAssertions;
using Runtime.ExecutionContexts.Backends;
using Runtime.ExecutionContexts.Budgets;
using Runtime.ExecutionContexts;
using Xunit;

namespace Runtime.Tests.ExecutionContexts;

/// <summary>Many threads on contexts: exact counters, no overshoot, independence.</summary>
public sealed class ModelContextStressTests : IDisposable
{
    private const int Threads = 8;
    private const int OpsPerThread = 125_000;
    private readonly ContextTestKit _kit = new(traceCapacity: 1024);

    public void Dispose() => _kit.Dispose();

    [Fact]
    public void ExecuteAsync_EightThreadsOnOneContext_CountEveryRequestExactly()
    {
        var context = _kit.Create("acme", memory: 1000, backend: NoOpBackend.Instance, concurrent: 4);
        long succeeded = 0, refused = 0;

        Run(() =>
        {
            long ok = 0, no = 0;
            var request = new ModelRequest("x", 300);
            for (var i = 0; i < OpsPerThread; i++)
            {
                if (context.ExecuteAsync(request, "acme").Result.IsSuccess)
                {
                    ok++;
                }
                else
                {
                    no++;
                }
            }

            Interlocked.Add(ref succeeded, ok);
            Interlocked.Add(ref refused, no);
        });

        var counters = context.Counters;
        counters.Requests.Should().Be(Threads * OpsPerThread);
        counters.Successes.Should().Be(succeeded);
        counters.Failures.Should().Be(refused);
        (counters.Successes + counters.Failures).Should().Be(counters.Requests);
        counters.PeakBytes.Should().BeLessOrEqualTo(900, "never more than three requests of 300 bytes fit in 1000 bytes");
        counters.BytesInUse.Should().Be(0);
        context.Budget.Snapshot().ConcurrentRequests.Should().Be(0);
    }

    [Fact]
    public void ExecuteAsync_TwoContextsOnTwoThreads_KeepIndependentCounters()
    {
        var a = _kit.Create("acme", "llama-7b-v1", backend: NoOpBackend.Instance);
        var b = _kit.Create("globex", "mistral-7b", backend: NoOpBackend.Instance);

        var ta = new Thread(() => Repeat(a, "acme", 300_000));
        var tb = new Thread(() => Repeat(b, "globex", 200_000));
        ta.Start();
        tb.Start();
        ta.Join();
        tb.Join();

        a.Counters.Should().Be(new ContextCounterSnapshot(300_000, 300_000, 0, 0, 0));
        b.Counters.Should().Be(new ContextCounterSnapshot(200_000, 200_000, 0, 0, 0));
        _kit.Traces.Recorded.Should().Be(2 + 500_000, "two Created events and one Executed per request");
    }

    [Fact]
    public void Allocate_EightThreadsOnAChildAndItsParent_NeverOvershootTheParent()
    {
        var parent = _kit.Create("acme", memory: 10_000, backend: NoOpBackend.Instance);
        var child = parent.CreateChild("llama-7b-v1", new BudgetLimits(6_000)).Context!;
        long granted = 0;

        Run(() =>
        {
            long local = 0;
            for (var i = 0; i < OpsPerThread; i++)
            {
                var target = (i & 1) == 0 ? parent : child;
                if (target.Allocate(1, "acme").IsSuccess)
                {
                    local++;
                }
            }

            Interlocked.Add(ref granted, local);
        });

        granted.Should().Be(10_000, "the parent's limit bounds the family");
        parent.Counters.BytesInUse.Should().Be(10_000);
        child.Counters.BytesInUse.Should().BeLessOrEqualTo(6_000);
    }

    private static void Repeat(ModelContext context, string tenant, int times)
    {
        var request = new ModelRequest("x");
        for (var i = 0; i < times; i++)
        {
            _ = context.ExecuteAsync(request, tenant).Result;
        }
    }

    private static void Run(Action body)
    {
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            body();
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }
}
