using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.Reload;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>The handoff file a reload writes: which engine now serves the pool.</summary>
[Binding]
public sealed class HandoffSteps(PoolDriver pools, ReloadDriver reloads, HandoffDriver handoffs)
{
    [Given("the handoff file cannot be written")]
    public void HandoffBroken() => handoffs.BreakHandoff();

    [Then("the handoff file of pool {word} names {word} and its engine")]
    public void Handoff(string pool, string model)
    {
        var s = pools.Pool(pool).Snapshot();
        HandoffFile.Read(HandoffFile.PathFor(pools.HandoffDirectory, pool)).Should().Match<HandoffFile>(h =>
            h.Pool == pool && h.Model == model && h.EngineVersion == s.Spec.EngineVersion && h.Pid == s.Pid && h.Endpoint == s.Endpoint!.ToString(),
            $"the handoff file of pool {pool} should name {model} and the engine now serving it (pid {s.Pid}, {s.Endpoint})");
    }

    [Then("no handoff file was written for pool {word}")]
    public async Task NoHandoff(string pool)
    {
        await reloads.ReloadResultAsync();
        File.Exists(HandoffFile.PathFor(pools.HandoffDirectory, pool)).Should().BeFalse($"no engine of pool {pool} was handed off to");
    }

    [When("a reader opens the handoff file of pool {word}")]
    public void ReaderOpens(string pool) => handoffs.OpenHandoff(pool);

    [Then("the reader reads a whole handoff file naming {word}")]
    public void ReaderReads(string model) =>
        handoffs.ReadOpenedHandoff().Should().Be(model, "a reader who opened the handoff file before a reload reads the whole file it opened, never one rewritten under it");
}
