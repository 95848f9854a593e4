using FluentAssertions;
using Reqnroll;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>Correlation ids: every log event of one drain or reload carries the same one.</summary>
[Binding]
public sealed class CorrelationSteps(PoolDriver pools)
{
    private static readonly string[] DrainEvents = ["DrainStarted", "DrainCompleted", "DrainDeadlinePassed"];
    private static readonly string[] ReloadEvents = ["ReloadStarted", "ReloadSucceeded", "ReloadFailed", .. DrainEvents];

    [Then("every log event of the drain of pool {word} carries the drain's correlation id")]
    public async Task DrainEventsCorrelated(string pool)
    {
        var outcome = await pools.LastDrainAsync();
        Correlated(pool, DrainEvents, outcome.CorrelationId, "drain");
    }

    [Then("every log event of the reload of pool {word}, its drain's included, carries the reload's correlation id")]
    public async Task ReloadEventsCorrelated(string pool)
    {
        var result = await (pools.Reload ?? throw new InvalidOperationException("no reload was started in this scenario")).WaitAsync(PoolDriver.Bound);
        Correlated(pool, ReloadEvents, result.CorrelationId, "reload");
        pools.Logger.WithEvent("DrainStarted").Should().NotBeEmpty("the reload drains the pool first, under the same correlation id");
    }

    private void Correlated(string pool, IEnumerable<string> events, string correlationId, string what)
    {
        correlationId.Should().NotBeNullOrWhiteSpace($"the {what} should have a correlation id");
        var logged = events.SelectMany(pools.Logger.WithEvent).Where(e => Equals(e["PoolId"], pool)).ToList();
        logged.Should().HaveCountGreaterThan(1, $"the {what} of pool {pool} should log its start and its end");
        logged.Select(e => $"{e.EventName} [{e["CorrelationId"]}]").Should().OnlyContain(
            line => line.EndsWith($"[{correlationId}]", StringComparison.Ordinal), $"every event of the {what} should carry its correlation id {correlationId}");
    }
}
