using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.Drain;
using Steps.Drivers;
using Steps.Assertions;

namespace Steps.Supervision;

/// <summary>Drains started, refused, joined and cancelled by the operator.</summary>
[Binding]
public sealed class DrainSteps(PoolDriver pools, DrainDriver drains)
{
    /// <summary>The rules of a drain deadline as the operator reads them, and the words of the runtime's refusal.</summary>
    private static readonly Dictionary<string, string> DeadlineRules = new(StringComparer.Ordinal)
    {
        ["must not be negative"] = "must be greater than or equal to '00:00:00'",
        ["must be at most 49.7 days"] = "deadline must be at most 49.7 days",
    };

    [When("the operator drains pool {word} within {int} seconds")]
    [Given("the operator is draining pool {word} within {int} seconds")]
    public void Drains(string pool, int seconds) => drains.Drain(pool, TimeSpan.FromSeconds(seconds));

    [When("^the operator drains pool (\\S+) within (-?\\d+) seconds, (stopping|keeping) its engine$")]
    [Given("^the operator is draining pool (\\S+) within (-?\\d+) seconds, (stopping|keeping) its engine$")]
    public void DrainsWithEngine(string pool, int seconds, string engine) => drains.Drain(pool, TimeSpan.FromSeconds(seconds), Mode(engine));

    [Given("the operator has drained pool {word}")]
    public async Task HasDrained(string pool)
    {
        drains.Drain(pool, TimeSpan.FromSeconds(10));
        await drains.LastDrainAsync();
    }

    [When("the operator attempts to drain pool {word} within {int} seconds")]
    public void AttemptsDrain(string pool, int seconds) => drains.AttemptDrain(pool, TimeSpan.FromSeconds(seconds));

    [When("the operator attempts to drain pool {word} within {int} days")]
    public void AttemptsDrainWithinDays(string pool, int days) => drains.AttemptDrain(pool, TimeSpan.FromDays(days));

    [When("^the operator attempts to drain pool (\\S+) within (-?\\d+) seconds, (stopping|keeping) its engine$")]
    public void AttemptsDrainWithEngine(string pool, int seconds, string engine) => drains.AttemptDrain(pool, TimeSpan.FromSeconds(seconds), Mode(engine));

    [When("the operator cancels the drain of pool {word}")]
    [Given("the operator has cancelled the drain of pool {word}")]
    public Task Cancels(string pool) => drains.CancelAsync(pool);

    [When("the runtime shuts down its drains")]
    [Given("the runtime has shut down its drains")]
    public void ShutsDown() => drains.ShutDown();

    [Then("the drain is refused, as the runtime has shut down")]
    public void RefusedAsShutDown() =>
        drains.Refusal.Should().BeOfType<ObjectDisposedException>("a runtime that has shut down takes no new drain");

    [Then("the drain is refused with {string}")]
    public void Refused(string message) => drains.DrainRefusal.ShouldRead(message, "the drain should be refused");

    [Then("^the drain is refused: its deadline (must .+)$")]
    public void DeadlineRefused(string rule)
    {
        var refusal = drains.Refusal.Should().BeOfType<ArgumentOutOfRangeException>("a drain deadline out of range should be refused at once").Subject;
        refusal.ParamName.Should().Be("deadline", "the refusal should name the deadline");
        refusal.Message.Should().Contain(DeadlineRules[rule], $"the refusal should say that the deadline {rule}");
    }

    [Then("the second drain of pool {word} has joined the first: both still wait, under the first drain's {int}-second deadline")]
    public void Joined(string pool, int deadline)
    {
        drains.DrainAttempts.Should().HaveCount(2, $"the operator drained pool {pool} twice");
        pools.Logger.WithEvent("DrainStarted").Where(e => Equals(e["PoolId"], pool))
            .Should().ContainSingle($"the second drain of pool {pool} should join the first, not start another");
        drains.DrainAttempts.Should().OnlyContain(d => !d.IsCompleted, $"the first drain's {deadline}-second deadline applies to both, not the second's");
    }

    private static DrainMode Mode(string engine) => engine == "keeping" ? DrainMode.KeepEngine : DrainMode.StopEngine;
}
