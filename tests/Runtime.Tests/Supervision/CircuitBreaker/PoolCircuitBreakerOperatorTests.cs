using FluentAssertions;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Runtime.Tests.Supervision.CircuitBreaker;

public sealed class PoolCircuitBreakerOperatorTests : PoolCircuitBreakerFixture
{
    [Fact]
    public void Reset_OpenCircuit_ClosesAndZeroesTheCount()
    {
        Fail(5);

        Breaker.Reset();

        Breaker.State.Should().Be(CircuitState.Closed);
        Breaker.GetFailureCount().Should().Be(0);
        Fail(4);
        Breaker.State.Should().Be(CircuitState.Closed, "the count started again from zero");
        _logger.WithEvent(CircuitBreakerConstants.ResetEventName).Should().ContainSingle();
    }

    [Fact]
    public void AllowOneRestart_OpenCircuit_LetsExactlyOneAttemptThrough()
    {
        Fail(5);

        Breaker.AllowOneRestart().Should().BeTrue();

        Breaker.RequestRestart().Should().Be(RestartAdmission.OperatorAllowed);
        Breaker.RequestRestart().Should().Be(RestartAdmission.RefusedOpen);
    }

    [Fact]
    public void AllowOneRestart_OpenCircuit_ResetsNoCounter()
    {
        Fail(5);
        var openUntil = Breaker.GetOpenUntil();
        Breaker.AllowOneRestart();

        Breaker.RequestRestart();
        Breaker.RecordFailure(CrashReason.ProcessExit);

        Breaker.State.Should().Be(CircuitState.Open);
        Breaker.GetFailureCount().Should().Be(6);
        Breaker.GetOpenUntil().Should().Be(openUntil);
    }

    [Fact]
    public void AllowOneRestart_HalfOpenWithProbeOutstanding_LetsOneMoreThrough()
    {
        OpenThenWait();
        Breaker.RequestRestart();
        Breaker.AllowOneRestart();

        Breaker.RequestRestart().Should().Be(RestartAdmission.OperatorAllowed);
        Breaker.RequestRestart().Should().Be(RestartAdmission.RefusedProbeOutstanding);
    }

    [Fact]
    public void AllowOneRestart_ClosedCircuit_GrantsNothing()
    {
        Breaker.AllowOneRestart().Should().BeFalse();
        Fail(5);

        Breaker.RequestRestart().Should().Be(RestartAdmission.RefusedOpen);
    }

    [Fact]
    public void Trip_ClosedCircuit_OpensIt()
    {
        Breaker.Trip(CrashReason.OutOfMemory);

        Breaker.State.Should().Be(CircuitState.Open);
        Breaker.GetOpenUntil().Should().Be(_time.GetUtcNow() + TimeSpan.FromSeconds(300));
    }

    [Fact]
    public void SeparateCircuit_FiveDriverErrors_OpenTheDriverCircuitOnly()
    {
        _breaker = Create(new CircuitBreakerOptions { SeparateCircuitReasons = { CrashReason.DriverError } });

        Fail(5, CrashReason.DriverError);

        Breaker.GetState(CrashReason.DriverError).Should().Be(CircuitState.Open);
        Breaker.GetState(CrashReason.OutOfMemory).Should().Be(CircuitState.Closed);
        Breaker.GetState().Should().Be(CircuitState.Closed, "the general circuit counts no driver error");
        Breaker.GetFailureCount().Should().Be(0);
        Breaker.RequestRestart().Should().Be(RestartAdmission.RefusedOpen, "a restart needs every circuit's consent");
    }

    [Fact]
    public void SeparateCircuit_MixedFailures_CountedApart()
    {
        _breaker = Create(new CircuitBreakerOptions { SeparateCircuitReasons = { CrashReason.DriverError } });

        Fail(3, CrashReason.DriverError);
        Fail(4, CrashReason.OutOfMemory);

        Breaker.State.Should().Be(CircuitState.Closed);
        Breaker.GetFailureCount(CrashReason.DriverError).Should().Be(3);
        Breaker.GetFailureCount(CrashReason.OutOfMemory).Should().Be(4);
    }

    [Fact]
    public void Reset_LeavesNothingToAllow()
    {
        Fail(5);

        Breaker.Reset();

        Breaker.AllowOneRestart().Should().BeFalse("the reset closed every circuit");
    }

    [Fact]
    public void AllowOneRestart_IsLoggedForThePool()
    {
        Fail(5);

        Breaker.AllowOneRestart();

        _logger.WithEvent(CircuitBreakerConstants.OneRestartAllowedEventName).Should().ContainSingle()
            .Which.Fields.Should().Contain("PoolId", "gpu-0");
    }

    [Theory]
    [InlineData(RestartAdmission.Allowed, true)]
    [InlineData(RestartAdmission.Probe, true)]
    [InlineData(RestartAdmission.OperatorAllowed, true)]
    [InlineData(RestartAdmission.RefusedOpen, false)]
    [InlineData(RestartAdmission.RefusedProbeOutstanding, false)]
    public void IsAllowed_EveryAdmission(RestartAdmission admission, bool allowed) =>
        admission.IsAllowed().Should().Be(allowed);
}
