using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>A pool's restart circuit: failures, restart attempts, the probe and operator overrides.</summary>
[Binding]
public sealed class CircuitBreakerSteps(PolicyDriver policies)
{
    private bool? _allowanceGranted;

    [Given("the engine of pool {word} has failed {int} time(s) in a row")]
    public void GivenTheEngineHasFailed(string pool, int times) => Fail(pool, times, CrashReason.ProcessExit);

    [Given("the circuit of pool {word} has opened")]
    public void GivenTheCircuitHasOpened(string pool) => policies.Pool(pool).OpenCircuit();

    [Given("the circuit of pool {word} is {circuitState}")]
    public void GivenTheCircuitIs(string pool, CircuitState state)
    {
        var p = policies.Pool(pool);
        if (state != CircuitState.Closed)
        {
            p.OpenCircuit();
        }

        if (state == CircuitState.HalfOpen)
        {
            policies.Clock.Time.SetUtcNow(p.Breaker.GetOpenUntil()!.Value);
        }
    }

    [Given("the circuit of pool {word} is half-open with its probe restarting")]
    public void GivenTheProbeIsRestarting(string pool)
    {
        policies.Pool(pool).OpenCircuit();
        policies.Pool(pool).StartProbe(policies.Clock.Time.SetUtcNow);
    }

    [Given("the circuit of pool {word} is half-open with its probe running")]
    [Given("the circuit of pool {word} has opened once and is now half-open with its probe running")]
    public void GivenTheProbeIsRunning(string pool)
    {
        GivenTheProbeIsRestarting(pool);
        policies.Pool(pool).Running();
    }

    [Given("the circuit of pool {word} has reopened after {int} failed probe(s)")]
    public void GivenTheCircuitHasReopened(string pool, int failedProbes)
    {
        policies.Pool(pool).OpenCircuit();
        for (var i = 0; i < failedProbes; i++)
        {
            WhenTheProbeFails(pool, new CrashCause(CrashReason.Signal, "a signal"));
        }
    }

    [Given("^(driver errors|graceful exits) have a circuit of their own on pool (\\S+)$")]
    public void GivenCrashesHaveTheirOwnCircuit(string crashes, string pool) =>
        policies.Configure(pool, p => p.BreakerOptions.SeparateCircuitReasons.Add(crashes == "driver errors" ? CrashReason.DriverError : CrashReason.GracefulExit));

    [When("the engine of pool {word} fails with {crashCause}")]
    public void WhenTheEngineFails(string pool, CrashCause cause) => Fail(pool, 1, cause.Reason);

    [When("the engine of pool {word} fails {int} time(s) in a row with {crashCause}")]
    [Given("the engine of pool {word} has failed {int} time(s) in a row with {crashCause}")]
    public void WhenTheEngineFailsInARow(string pool, int times, CrashCause cause) => Fail(pool, times, cause.Reason);

    [When("the probe of pool {word} fails with {crashCause}")]
    public void WhenTheProbeFails(string pool, CrashCause cause)
    {
        var p = policies.Pool(pool);
        if (p.Breaker.GetState() != CircuitState.HalfOpen || p.Admissions.LastOrDefault() != RestartAdmission.Probe)
        {
            p.StartProbe(policies.Clock.Time.SetUtcNow);
            p.Running();
        }

        p.Fail(cause.Reason);
    }

    [When("the engine of pool {word} exits gracefully")]
    public void WhenTheEngineExitsGracefully(string pool) => Fail(pool, 1, CrashReason.GracefulExit);

    [When("the probe of pool {word} is stopped on purpose")]
    public void WhenTheProbeIsStopped(string pool) => policies.Pool(pool).Fail(CrashReason.GracefulExit);

    [When("pool {word} attempts a restart")]
    public void WhenPoolAttemptsARestart(string pool) => policies.Pool(pool).AttemptRestart();

    [When("pool {word} attempts {int} restarts")]
    public void WhenPoolAttemptsRestarts(string pool, int attempts)
    {
        for (var i = 0; i < attempts; i++)
        {
            policies.Pool(pool).AttemptRestart();
        }
    }

    [When("the operator resets the circuit of pool {word}")]
    public void WhenTheOperatorResetsTheCircuit(string pool) => policies.Pool(pool).Breaker.Reset();

    [When("the operator allows one restart of pool {word}")]
    [Given("the operator allowed one restart of pool {word}")]
    public void WhenTheOperatorAllowsOneRestart(string pool) => _allowanceGranted = policies.Pool(pool).Breaker.AllowOneRestart();

    [Then("the operator's allowance for pool {word} is refused and not logged")]
    public void ThenTheAllowanceIsRefused(string pool)
    {
        _allowanceGranted.Should().BeFalse($"pool {pool} refuses no restart, so there is nothing to let through");
        policies.Log.WithEvent(CircuitBreakerConstants.OneRestartAllowedEventName).Should().BeEmpty($"no allowance for pool {pool} should be logged");
    }

    [Then("the circuit of pool {word} is {circuitState}")]
    public void ThenTheCircuitIs(string pool, CircuitState state) =>
        policies.Pool(pool).Breaker.State.Should().Be(state, $"the circuit of pool {pool} should be {CircuitWords.Name(state)}");

    [Then("the {word} circuit of pool {word} is {circuitState}")]
    public void ThenTheNamedCircuitIs(string circuit, string pool, CircuitState state)
    {
        CrashReason? reason = circuit == "general" ? null
            : CrashReasonNames.TryParse(circuit, out var r) ? r : throw new ArgumentException($"no circuit named {circuit}");
        policies.Pool(pool).Breaker.GetState(reason).Should().Be(state, $"the {circuit} circuit of pool {pool} should be {CircuitWords.Name(state)}");
    }

    [Then("the circuit of pool {word} stays open for {int} seconds")]
    public void ThenTheCircuitStaysOpenFor(string pool, int seconds)
    {
        policies.Pool(pool).Breaker.GetState().Should().Be(CircuitState.Open, $"the circuit of pool {pool} should be open");
        policies.Pool(pool).SecondsOpen().Should().Be(seconds, $"the circuit of pool {pool} should stay open {seconds} s");
    }

    [Then("the circuit of pool {word} counts {int} failure(s)")]
    public void ThenTheCircuitCounts(string pool, int failures) =>
        policies.Pool(pool).Breaker.GetFailureCount().Should().Be(failures, $"the circuit of pool {pool} should count {failures} failures");

    [Then("the restart attempt is allowed as the probe")]
    public void ThenTheAttemptIsTheProbe() =>
        LastAdmission().Should().Be(RestartAdmission.Probe, "the half-open circuit should admit this restart as its one probe");

    [Then("the restart attempt is {word}")]
    public void ThenTheAttemptIs(string outcome) =>
        (LastAdmission().IsAllowed() ? "allowed" : "refused").Should().Be(outcome, $"the circuit answered {LastAdmission()}");

    [Then(@"^the restart attempt is refused: (the circuit is open|its probe is still running)$")]
    public void ThenTheAttemptIsRefusedBecause(string why) =>
        LastAdmission().Should().Be(why == "the circuit is open" ? RestartAdmission.RefusedOpen : RestartAdmission.RefusedProbeOutstanding,
            $"the circuit should refuse the restart because {why}");

    [Then("the first restart attempt is allowed as the probe, and the second refused: its probe is still running")]
    public void ThenTheFirstIsTheProbe() =>
        policies.PoolsInUse.SelectMany(p => p.Admissions).Should().Equal(
            [RestartAdmission.Probe, RestartAdmission.RefusedProbeOutstanding],
            "one restart should pass every half-open circuit as their probe, and the next wait for it");

    [Then("{int} restart attempt is allowed and {int} is refused")]
    public void ThenAttemptsAreAllowedAndRefused(int allowed, int refused)
    {
        var admissions = policies.PoolsInUse.SelectMany(p => p.Admissions).ToList();
        admissions.Count(a => a.IsAllowed()).Should().Be(allowed, $"{allowed} restart attempt(s) should pass the circuit");
        admissions.Count(a => !a.IsAllowed()).Should().Be(refused, $"{refused} restart attempt(s) should be refused");
    }

    private void Fail(string pool, int times, CrashReason reason)
    {
        for (var i = 0; i < times; i++)
        {
            policies.Pool(pool).Fail(reason);
        }
    }

    private RestartAdmission LastAdmission()
    {
        var admissions = policies.PoolsInUse.SelectMany(p => p.Admissions).ToList();
        admissions.Should().NotBeEmpty("a restart should have been attempted");
        return admissions[^1];
    }
}
