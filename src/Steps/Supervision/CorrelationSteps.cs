using FluentAssertions;
using Reqnroll;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>Correlation ids: every log event of one drain or reload carries the same one.</summary>
[Binding]
public sealed class CorrelationSteps(PoolDriver pools, DrainDriver drains, ReloadDriver reloads)
{
    private static readonly string[] DrainEnds = ["DrainCompleted", "DrainDeadlinePassed"];
    private static readonly string[] ReloadEnds = ["ReloadSucceeded", "ReloadFailed"];

    [Then("every log event of the drain of pool {word} carries the drain's correlation id")]
    public async Task DrainEventsCorrelated(string pool)
    {
        var outcome = await drains.LastDrainAsync();
        Correlated(pool, "DrainStarted", DrainEnds, outcome.CorrelationId, "drain");
    }

    [Then("every log event of the reload of pool {word}, its drain's included, carries the reload's correlation id")]
    public async Task ReloadEventsCorrelated(string pool)
    {
        var result = await reloads.ReloadResultAsync();
        var logged = Correlated(pool, "ReloadStarted", ReloadEnds, result.CorrelationId, "reload");
        logged.Should().Contain(e => e.EventName == "DrainStarted", "the reload drains the pool first, under the same correlation id");
    }

    /// <summary>A reload that touched nothing logs one event, which names the answer's correlation id.</summary>
    [Then("the reload of pool {word} was logged as {string}, under the correlation id of its answer")]
    public async Task ReloadLoggedAs(string pool, string logged)
    {
        var result = await reloads.ReloadResultAsync();
        result.CorrelationId.Should().NotBeNullOrWhiteSpace("the operator quotes the correlation id of the answer to find its log event");
        pools.Logger.All.Where(e => Equals(e["PoolId"], pool)).Should().ContainSingle("a reload that touched nothing logs one event")
            .Which.Message.Should().Be($"Reload of pool {pool} {logged} [{result.CorrelationId}]");
    }

    /// <summary>
    /// The events of pool <paramref name="pool"/> from the operation's start event to its end event, whoever logged
    /// them (the supervisor's included): there must be a start and an end, and every one carries the correlation id.
    /// </summary>
    private List<PolicyLogEntry> Correlated(string pool, string start, string[] ends, string correlationId, string what)
    {
        correlationId.Should().NotBeNullOrWhiteSpace($"the {what} should have a correlation id");
        var ofPool = pools.Logger.All.Where(e => Equals(e["PoolId"], pool)).ToList();
        var first = ofPool.FindIndex(e => e.EventName == start);
        var last = ofPool.FindLastIndex(e => ends.Contains(e.EventName));
        first.Should().BeGreaterThanOrEqualTo(0, $"the {what} of pool {pool} should log its start ({start})");
        last.Should().BeGreaterThan(first, $"the {what} of pool {pool} should log its end ({string.Join(" or ", ends)}) after its start");
        var logged = ofPool[first..(last + 1)];
        logged.Select(e => $"{e.EventName} [{e["CorrelationId"]}]").Should().OnlyContain(
            line => line.EndsWith($"[{correlationId}]", StringComparison.Ordinal), $"every event of the {what}, from its start to its end, should carry its correlation id {correlationId}");
        return logged;
    }
}
