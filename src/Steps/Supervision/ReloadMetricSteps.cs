using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.Pools;
using Runtime.Supervision.Reload;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>What a reload measures: its duration, successes and failures by step, on the runtime's meter.</summary>
[Binding]
public sealed class ReloadMetricSteps(PoolDriver pools, ReloadDriver reloads)
{
    [Then("the runtime.reload.successes counter of pool {word} counts {int}")]
    public void SuccessCounter(string pool, int count) =>
        pools.Metrics.For("runtime.reload.successes", pool).Sum(m => m.Value).Should().Be(count, $"pool {pool} should count {count} successful reloads");

    /// <summary>The drain-first strategy as the histogram's <c>reload.strategy</c> tag names it, written out.</summary>
    [Then("the runtime.reload.duration histogram of pool {word} has timed {int} drain-first reload(s) at {int} seconds")]
    public async Task DurationHistogram(string pool, int count, int seconds)
    {
        await reloads.ReloadResultAsync();
        pools.Metrics.For("runtime.reload.duration", pool).Where(m => m.Tag("reload.strategy") == "drain_first").Select(m => m.Value)
            .Should().Equal(Enumerable.Repeat((double)seconds, count), $"pool {pool} should time {count} drain-first reload(s) from start to end at {seconds} s");
    }

    /// <summary>The strategy as the histogram's <c>reload.strategy</c> tag names it, written out: a renamed tag fails here.</summary>
    [Then("the runtime.reload.duration histogram of pool {word} has timed {int} surge reload(s)")]
    public async Task SurgeDurations(string pool, int count)
    {
        await reloads.ReloadResultAsync();
        pools.Metrics.For("runtime.reload.duration", pool).Count(m => m.Tag("reload.strategy") == "surge")
            .Should().Be(count, $"pool {pool} should time {count} surge reload(s), tagged as such");
    }

    [Then("the runtime.reload.failures counter of pool {word} counts {int} failure(s) at {reloadStep}")]
    public async Task FailureCounter(string pool, int count, NamedStep step)
    {
        await reloads.ReloadResultAsync();
        pools.Metrics.For("runtime.reload.failures", pool).Where(m => m.Tag("reload.step") == step.Name)
            .Sum(m => m.Value).Should().Be(count, $"pool {pool} should count {count} reloads failed at {step} (reason {step.Name})");
    }
}
