using FluentAssertions;
using Runtime.ExecutionContexts.Budgets;
using Xunit;

namespace Runtime.Tests.ExecutionContexts.Budgets;

/// <summary>8 threads x 125,000 operations: exact totals, no overshoot.</summary>
public sealed class ResourceBudgetStressTests
{
    private const int Threads = 8;
    private const int OpsPerThread = 125_000;

    [Fact]
    public void TryAllocate_RacingThreadsWithoutRelease_GrantExactlyTheLimit()
    {
        const long limit = 500_000;
        var budget = new ResourceBudget("stress", new BudgetLimits(limit));
        var granted = new long[Threads];

        RunOnThreads(t =>
        {
            for (var i = 0; i < OpsPerThread; i++)
            {
                if (budget.TryAllocate(1).IsGranted)
                {
                    granted[t]++;
                }
            }
        });

        granted.Sum().Should().Be(limit, "the sum of successful allocations must equal the limit, never more");
        budget.BytesInUse.Should().Be(limit);
    }

    [Fact]
    public void TryAllocate_RacingThreadsWithRelease_NeverOvershootAndEndEmpty()
    {
        const long limit = 1000;
        var budget = new ResourceBudget("stress", new BudgetLimits(limit));
        long granted = 0, refused = 0, maxSeen = 0;

        RunOnThreads(_ =>
        {
            long localGranted = 0, localRefused = 0, localMax = 0;
            for (var i = 0; i < OpsPerThread; i++)
            {
                if (budget.TryAllocate(300).IsGranted)
                {
                    localGranted++;
                    localMax = Math.Max(localMax, budget.BytesInUse);
                    budget.Release(300);
                }
                else
                {
                    localRefused++;
                }
            }

            Interlocked.Add(ref granted, localGranted);
            Interlocked.Add(ref refused, localRefused);
            InterlockedMax(ref maxSeen, localMax);
        });

        (granted + refused).Should().Be(Threads * OpsPerThread);
        maxSeen.Should().BeLessOrEqualTo(limit);
        budget.Snapshot().PeakBytes.Should().BeLessOrEqualTo(900, "three allocations of 300 fit in 1000, a fourth never does");
        budget.BytesInUse.Should().Be(0);
    }

    [Fact]
    public void TryBeginRequest_RacingThreads_AdmitExactlyTheTotalLimit()
    {
        const long total = 600_000;
        var budget = new ResourceBudget("stress", new BudgetLimits(ByteSize.GiB, concurrentRequests: Threads, totalRequests: total));
        long admitted = 0;

        RunOnThreads(_ =>
        {
            long local = 0;
            for (var i = 0; i < OpsPerThread; i++)
            {
                if (budget.TryBeginRequest(64).IsGranted)
                {
                    local++;
                    budget.EndRequest(64);
                }
            }

            Interlocked.Add(ref admitted, local);
        });

        admitted.Should().Be(total);
        budget.Snapshot().Should().BeEquivalentTo(new { BytesInUse = 0L, ConcurrentRequests = 0, TotalRequests = total });
    }

    internal static void RunOnThreads(Action<int> body)
    {
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            body(t);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
    }

    private static void InterlockedMax(ref long target, long value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}
