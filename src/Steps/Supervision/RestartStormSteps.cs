using Reqnroll;
using FluentAssertions;
using Microsoft.Extensions.Logging;
using Runtime.Supervision.RestartLimits;
using Steps.Drivers;
using Steps.Assertions;

namespace Steps.Supervision;

/// <summary>A pool's restart rate: restarts in the sliding window, warnings, storms, their log and metrics.</summary>
[Binding]
public sealed class RestartStormSteps(PolicyDriver policies)
{
    [Given("pool {word} has restarted {int} time(s) after {crashCause}")]
    [When("pool {word} restarts {int} time(s) after {crashCause}")]
    public void PoolRestarts(string pool, int times, CrashCause cause)
    {
        for (var i = 0; i < times; i++)
        {
            policies.Pool(pool).Restart(cause.Reason);
        }
    }

    [Given("pool {word} has restarted, in this order:")]
    public void PoolRestartsInOrder(string pool, Table restarts)
    {
        foreach (var row in restarts.Rows)
        {
            PoolRestarts(pool, int.Parse(row["restarts"], System.Globalization.CultureInfo.InvariantCulture), new CrashCause(PolicyDriver.ParseCause(row["after"]), row["after"]));
        }
    }

    [Then("every restart of pool {word} is allowed")]
    public void ThenEveryRestartIsAllowed(string pool) =>
        policies.Pool(pool).Restarts.Should().NotBeEmpty($"pool {pool} should have restarted").And.OnlyContain(d => d.IsAllowed, $"pool {pool} should stay within 10 restarts in 60 seconds");

    [Then("the last restart of pool {word} is {word}")]
    public void ThenTheLastRestartIs(string pool, string outcome)
    {
        var last = policies.Pool(pool).Restarts.Should().NotBeEmpty($"pool {pool} should have restarted").And.Subject.Last();
        (last.IsAllowed ? "allowed" : "refused").Should().Be(outcome, $"pool {pool} had {last.RestartsInWindow} restarts in the window");
    }

    [Then("pool {word} has raised {int} restart rate warning(s)")]
    public void ThenPoolHasRaisedWarnings(string pool, int warnings) =>
        policies.Pool(pool).Warnings.Should().HaveCount(warnings, $"pool {pool} should warn for each restart beyond the fifth in 60 seconds");

    [Then("a restart rate warning says pool {word} restarted {int} times in {int} seconds")]
    public void ThenAWarningSays(string pool, int restarts, int seconds)
    {
        policies.Pool(pool).Warnings.Select(w => (w.PoolId, w.RestartCount, w.Window))
            .Should().Contain((pool, restarts, TimeSpan.FromSeconds(seconds)), $"pool {pool} should raise a warning event");
        policies.Log.WithEvent("RestartRateWarning")
            .Select(e => $"{e.Level}: pool {e["PoolId"]} restarted {e["RestartCount"]} times in {e["WindowSeconds"]} seconds")
            .Should().Contain($"{LogLevel.Warning}: pool {pool} restarted {restarts} times in {seconds} seconds", $"pool {pool} should log a warning");
    }

    [Then("a critical restart storm alert names pool {word} with {int} restarts")]
    public void ThenACriticalStormAlert(string pool, int restarts)
    {
        policies.Pool(pool).Storms.Select(s => (s.PoolId, s.RestartCount))
            .Should().Equal([(pool, restarts)], $"pool {pool} should raise one restart storm event");
        policies.Pool(pool).Restarts[^1].OpensCircuit.Should().BeTrue($"the refused restart of pool {pool} should tell the supervisor to open the circuit");
        policies.Log.WithEvent("RestartStorm")
            .Select(e => $"{e.Level}: pool {e["PoolId"]} storm with {e["RestartCount"]} restarts")
            .Should().Equal([$"{LogLevel.Critical}: pool {pool} storm with {restarts} restarts"], $"pool {pool} should log a critical storm alert");
    }

    [Then("pool {word} has raised {int} restart storm alert(s)")]
    public void ThenPoolHasRaisedStorms(string pool, int storms)
    {
        policies.Pool(pool).Storms.Should().HaveCount(storms, $"pool {pool} should raise one alert per storm");
        policies.Log.WithEvent("RestartStorm").Should().HaveCount(storms, $"pool {pool} should log one alert per storm");
    }

    [Then("each of the {int} refused restarts of pool {word} is logged with {int} restarts in {int} seconds")]
    public void ThenEachRefusalIsLogged(int refused, string pool, int restarts, int seconds) =>
        policies.Log.WithEvent("RestartRateLimited").Select(e => $"{e.Level}: pool {e["PoolId"]} refused at {e["RestartCount"]} restarts in {e["WindowSeconds"]} seconds")
            .Should().Equal(Enumerable.Repeat($"{LogLevel.Warning}: pool {pool} refused at {restarts} restarts in {seconds} seconds", refused), $"each refused restart of pool {pool} should be logged");

    [Then("the restart storm of pool {word} is classified as {word}")]
    public void ThenTheStormIsClassifiedAs(string pool, string kind) =>
        LastStorm(pool).KindName.ShouldRead(kind, $"the storm of pool {pool} was mostly {LastStorm(pool).DominantReason}");

    [Then("the storm alert of pool {word} advises {string}")]
    public void ThenTheStormAlertAdvises(string pool, string hint)
    {
        LastStorm(pool).Remediation.ShouldRead(hint, $"the storm alert of pool {pool} should tell the operator what to do");
        policies.Log.WithEvent("RestartStorm").Select(e => e["Remediation"])
            .Should().Contain(hint, $"the logged storm alert of pool {pool} should carry the hint");
    }

    [Then("the runtime.restart.storms counter of pool {word} counts {int} for storm kind {word}")]
    public void ThenTheStormCounterCounts(string pool, int count, string kind) =>
        policies.Metrics.For("runtime.restart.storms", pool).Where(m => m.Tag("storm.kind") == kind).Sum(m => m.Value)
            .Should().Be(count, $"pool {pool} should count {count} {kind}");

    [Then("the runtime.restart.rate gauge of pool {word} reads {int}")]
    public void ThenTheRateGaugeReads(string pool, int value) =>
        policies.Metrics.Observe("runtime.restart.rate", pool).Select(m => m.Value)
            .Should().Equal([(double)value], $"the runtime.restart.rate gauge of pool {pool} should read {value}");

    [Then("the restart count of pool {word} is {int}")]
    public void ThenTheRestartCountIs(string pool, int count) =>
        policies.Pool(pool).Limiter.RestartCount.Should().Be(count, $"pool {pool} should count {count} restarts since it was last stable");

    [Then("pool {word} counts {int} restart(s) in the last {int} seconds")]
    public void ThenTheWindowCounts(string pool, int restarts, int seconds) =>
        policies.Pool(pool).Limiter.RestartsInWindow.Should().Be(restarts, $"pool {pool} should count the restarts of the last {seconds} seconds");

    [Then("the log says the restart count of pool {word} was reset after a stable run, forgetting {int} restarts")]
    public void ThenTheCountResetIsLogged(string pool, int restarts) =>
        policies.Log.WithEvent("RestartCountReset").Select(e => $"pool {e["PoolId"]} reset ({e["Cause"]}) after {e["RestartCount"]} restarts")
            .Should().Equal([$"pool {pool} reset (stable) after {restarts} restarts"], $"pool {pool} should log that a stable run reset its restart count");

    [Then("the log shows no reset of the restart count of pool {word}")]
    public void ThenNoCountResetIsLogged(string pool) =>
        policies.Log.WithEvent("RestartCountReset").Should().BeEmpty($"pool {pool} had no restart to forget");

    private RestartStorm LastStorm(string pool) =>
        policies.Pool(pool).Storms.Should().NotBeEmpty($"pool {pool} should have had a restart storm").And.Subject.Last();
}
