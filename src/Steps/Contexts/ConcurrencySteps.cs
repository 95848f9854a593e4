using Reqnroll;
using FluentAssertions;
using Steps.Drivers;

namespace Steps.Contexts;

/// <summary>Many threads at once on contexts.</summary>
[Binding]
public sealed class ConcurrencySteps(ContextDriver contexts)
{
    [When("{int} threads each run {int} requests on {word}")]
    public void WhenThreadsEachRun(int threads, int perThread, string name) => contexts.RunOnThreads(threads, perThread, name, 0);

    [When("{int} threads each run {int} requests needing {size} on {word}")]
    public void WhenThreadsEachRunNeeding(int threads, int perThread, ByteCount memory, string name) =>
        contexts.RunOnThreads(threads, perThread, name, memory.Bytes);

    [When("one thread runs {int} requests needing {size} on {word}")]
    public void WhenOneThreadRunsNeeding(int requests, ByteCount memory, string name) =>
        contexts.RunOnThreads(1, requests, name, memory.Bytes);

    [When("tenant {word} runs {int} requests on {word} while tenant {word} runs {int} requests on {word}")]
    public void WhenTwoTenantsRunSideBySide(string firstTenant, int firstCount, string first, string secondTenant, int secondCount, string second) =>
        contexts.RunSideBySide(firstTenant, first, firstCount, secondTenant, second, secondCount);

    [When("tenant {word} runs {int} requests on {word} while tenant {word} runs {int} requests needing {size} each on {word}")]
    public void WhenTwoTenantsRunSideBySideNeeding(string firstTenant, int firstCount, string first, string secondTenant, int secondCount, ByteCount memory, string second) =>
        contexts.RunSideBySide(firstTenant, first, firstCount, secondTenant, second, secondCount, memory.Bytes);

    [When("{int} threads each attempt {int} allocations of {size} in {word}")]
    public void WhenThreadsEachAttemptAllocations(int threads, int perThread, ByteCount size, string name) =>
        contexts.AllocateOnThreads(threads, perThread, name, size.Bytes);

    [Then("exactly {long} allocations are granted")]
    public void ThenExactlyAllocationsAreGranted(long granted) =>
        contexts.AllocationsGranted.Should().Be(granted, "the budget should grant exactly its limit, never more");
}
