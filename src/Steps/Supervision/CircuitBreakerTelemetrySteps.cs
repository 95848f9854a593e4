using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.CircuitBreaker;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>What a pool's circuit announces: its state changes, the operator's actions in the log, and its metrics.</summary>
[Binding]
public sealed class CircuitBreakerTelemetrySteps(PolicyDriver policies)
{
    [Then("the circuit of pool {word} announces it opened, to half-open {int} seconds from now")]
    public void ThenTheOpeningAnnouncesItsEnd(string pool, int seconds)
    {
        var now = policies.Clock.Time.GetUtcNow();
        policies.Pool(pool).CircuitChanges.Where(c => c.NewState == CircuitState.Open).Select(c => c.OpenUntil - now)
            .Should().Equal([TimeSpan.FromSeconds(seconds)], $"the opening of the circuit of pool {pool} should say it half-opens in {seconds} s");
    }

    [Then("the log shows the circuit of pool {word} going from {circuitState} to {circuitState} after {int} failures")]
    public void ThenTheLogShowsTheTransition(string pool, CircuitState from, CircuitState to, int failures) =>
        policies.Log.WithEvent("CircuitStateChanged")
            .Select(e => $"pool {e["PoolId"]}: {e["Circuit"]} circuit {e["OldState"]} -> {e["NewState"]} after {e["FailureCount"]} failures")
            .Should().Contain(
                $"pool {pool}: general circuit {CircuitWords.LogName(from)} -> {CircuitWords.LogName(to)} after {failures} failures",
                $"the log should show the circuit of pool {pool} going from {CircuitWords.Name(from)} to {CircuitWords.Name(to)} after {failures} failures");

    [Then("the log shows the circuit of pool {word} going from {circuitState} to {circuitState}")]
    public void ThenTheLogShowsTheChange(string pool, CircuitState from, CircuitState to) =>
        ThenTheLogShowsTheChangeOf("general", pool, from, to);

    [Then("the log shows the {word} circuit of pool {word} going from {circuitState} to {circuitState}")]
    public void ThenTheLogShowsTheChangeOf(string circuit, string pool, CircuitState from, CircuitState to) =>
        policies.Log.WithEvent("CircuitStateChanged").Select(e => $"pool {e["PoolId"]}: {e["Circuit"]} circuit {e["OldState"]} -> {e["NewState"]}")
            .Should().Contain($"pool {pool}: {circuit} circuit {CircuitWords.LogName(from)} -> {CircuitWords.LogName(to)}",
                $"the log should show the {circuit} circuit of pool {pool} going from {CircuitWords.Name(from)} to {CircuitWords.Name(to)}");

    [Then("the log shows, for pool {word}, the restart the operator allowed and the reset")]
    public void ThenTheLogShowsTheOperator(string pool) =>
        new[] { CircuitBreakerConstants.OneRestartAllowedEventName, CircuitBreakerConstants.ResetEventName }
            .SelectMany(name => policies.Log.WithEvent(name).Select(e => $"{e.EventName}: pool {e["PoolId"]}"))
            .Should().Equal(
                [$"{CircuitBreakerConstants.OneRestartAllowedEventName}: pool {pool}", $"{CircuitBreakerConstants.ResetEventName}: pool {pool}"],
                $"each operator action on pool {pool} should be logged with the pool");

    [Then("the runtime.circuit_breaker.state gauge of pool {word} shows the circuit {word}")]
    public void ThenTheStateGaugeShows(string pool, string state) =>
        policies.Metrics.Observe("runtime.circuit_breaker.state", pool).Select(m => CircuitGauge.StateName(m.Value))
            .Should().Equal([state], $"the runtime.circuit_breaker.state gauge of pool {pool} should show the circuit {state}");


    [Then("the runtime.circuit_breaker.openings counter of pool {word} counts {int} openings: the first, and the probe's failure")]
    public void ThenTheOpenCounterCounts(string pool, int count) =>
        policies.Metrics.For("runtime.circuit_breaker.openings", pool).Sum(m => m.Value)
            .Should().Be(count, $"the circuit of pool {pool} should have opened {count} times");
}
