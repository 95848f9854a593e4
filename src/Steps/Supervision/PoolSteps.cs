using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.Pools;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>Pools: what they serve and how they are.</summary>
[Binding]
public sealed class PoolSteps(PoolDriver pools)
{
    [Given("pool {word} serves {word}")]
    public Task Serves(string pool, string model) => pools.ServeAsync(pool, model);

    [Given("pool {word} is starting with {word}")]
    public void IsStarting(string pool, string model)
    {
        pools.Registry.Register(pool, pools.SpecFor(model, "1.0"));
        _ = pools.StartAsync(pool);
    }

    [Then("pool {word} is ready")]
    public async Task IsReady(string pool)
    {
        await pools.WaitUntil(() => pools.Pool(pool).Snapshot().Ready, $"pool {pool} to be ready");
        pools.Pool(pool).Snapshot().Live.Should().BeTrue($"pool {pool} should be live");
    }

    [Then("pool {word} is draining and not ready")]
    public void IsDraining(string pool) =>
        pools.Pool(pool).Snapshot().Should().Match<PoolSnapshot>(s => s.State == PoolState.Draining && !s.Ready, $"pool {pool} should be draining and not ready");

    [Then("pool {word} is stopped, not live and not ready")]
    public async Task IsStopped(string pool)
    {
        await pools.WaitUntil(() => pools.Pool(pool).State == PoolState.Stopped, $"pool {pool} to be stopped");
        pools.Pool(pool).Snapshot().Should().Match<PoolSnapshot>(s => !s.Live && !s.Ready, $"pool {pool} should be neither live nor ready");
    }

    [Then("pool {word} is not live and not ready")]
    public async Task IsDown(string pool)
    {
        await pools.WaitUntil(() => pools.Pool(pool).Snapshot().CrashCount > 0, $"a crash of pool {pool}");
        pools.Pool(pool).Snapshot().Should().Match<PoolSnapshot>(s => !s.Live && !s.Ready, $"pool {pool} should be neither live nor ready");
    }

    [Then("pool {word} keeps its metadata {word}")]
    public void KeepsMetadata(string pool, string entry)
    {
        var (key, value) = (entry.Split('=')[0], entry.Split('=')[1]);
        pools.Pool(pool).Metadata.Should().Contain(key, value, $"pool {pool} should keep {entry}");
    }

    [Then("the crash count of pool {word} is {int}")]
    public void CrashCount(string pool, int count) =>
        pools.Pool(pool).Snapshot().CrashCount.Should().Be(count, $"pool {pool} should have crashed {count} times");

    [Then("pool {word} has been restarted {int} time(s)")]
    public void RestartCount(string pool, int count) =>
        pools.Pool(pool).Snapshot().RestartCount.Should().Be(count, $"pool {pool} should have been restarted {count} times");

    [Then("pool {word} is ready again on a new engine")]
    public async Task ReadyAgain(string pool)
    {
        var old = pools.ServedEngine(pool).Pid;
        await pools.WaitUntil(() => pools.Pool(pool).Snapshot() is { Ready: true } s && s.Pid != old, $"pool {pool} to be ready on a new engine");
        pools.RememberEngine(pool);
    }

    [Then("the last error of pool {word} is {string}")]
    public async Task LastError(string pool, string error)
    {
        await pools.WaitUntil(() => pools.Pool(pool).Snapshot().LastError is not null, $"an error on pool {pool}");
        pools.Pool(pool).Snapshot().LastError.Should().Be(error, $"pool {pool} should say why its engine stopped");
    }
}
