using FluentAssertions;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Runtime.Tests.Supervision.CircuitBreaker;

public sealed class PoolCircuitBreakerTests : PoolCircuitBreakerFixture
{
    [Fact]
    public void RequestRestart_NewBreaker_IsAllowed()
    {
        Breaker.State.Should().Be(CircuitState.Closed);
        Breaker.RequestRestart().Should().Be(RestartAdmission.Allowed);
    }

    [Fact]
    public void RecordFailure_FourConsecutiveFailures_StaysClosed()
    {
        Fail(4);

        Breaker.State.Should().Be(CircuitState.Closed);
        Breaker.GetFailureCount().Should().Be(4);
        Breaker.TryAcquireRestart().Should().BeTrue();
    }

    [Fact]
    public void RecordFailure_FiveConsecutiveFailures_OpensForThreeHundredSeconds()
    {
        Fail(5);

        Breaker.State.Should().Be(CircuitState.Open);
        Breaker.GetOpenUntil().Should().Be(_time.GetUtcNow() + TimeSpan.FromSeconds(300));
        Breaker.RequestRestart().Should().Be(RestartAdmission.RefusedOpen);
    }

    [Fact]
    public void RecordStarted_ClosedAndStableForSixtySeconds_ForgetsFailures()
    {
        Fail(4);
        Breaker.RecordStarted();

        _time.Advance(TimeSpan.FromSeconds(60));

        Breaker.GetFailureCount().Should().Be(0);
    }

    [Fact]
    public void RecordStarted_ClosedAndCrashAfterFiftyNineSeconds_KeepsCounting()
    {
        Fail(4);
        Breaker.RecordStarted();
        _time.Advance(TimeSpan.FromSeconds(59));

        Fail(1);

        Breaker.State.Should().Be(CircuitState.Open);
    }

    [Fact]
    public void Open_After299Seconds_StillRefuses()
    {
        Fail(5);

        _time.Advance(TimeSpan.FromSeconds(299));

        Breaker.RequestRestart().Should().Be(RestartAdmission.RefusedOpen);
    }

    [Fact]
    public void Open_AfterThreeHundredSeconds_TurnsHalfOpenOnItsOwn()
    {
        Fail(5);

        _time.Advance(TimeSpan.FromSeconds(300));

        Breaker.State.Should().Be(CircuitState.HalfOpen);
        _changes.Select(c => (c.OldState, c.NewState)).Should().Equal(
            (CircuitState.Closed, CircuitState.Open), (CircuitState.Open, CircuitState.HalfOpen));
    }

    [Fact]
    public void HalfOpen_FirstAttempt_IsTheProbe()
    {
        OpenThenWait();

        Breaker.RequestRestart().Should().Be(RestartAdmission.Probe);
    }

    [Fact]
    public void HalfOpen_RefusesSecondAttempt()
    {
        OpenThenWait();
        Breaker.RequestRestart();

        Breaker.RequestRestart().Should().Be(RestartAdmission.RefusedProbeOutstanding);
        Breaker.TryAcquireRestart().Should().BeFalse();
    }

    [Fact]
    public void Probe_StableForSixtySeconds_ClosesTheCircuit()
    {
        OpenThenWait();
        Breaker.RequestRestart();
        Breaker.RecordStarted();

        _time.Advance(TimeSpan.FromSeconds(60));

        Breaker.State.Should().Be(CircuitState.Closed);
        Breaker.GetFailureCount().Should().Be(0);
        Breaker.RequestRestart().Should().Be(RestartAdmission.Allowed);
    }

    [Fact]
    public void Probe_StableForFiftyNineSeconds_StaysHalfOpen()
    {
        OpenThenWait();
        Breaker.RequestRestart();
        Breaker.RecordStarted();

        _time.Advance(TimeSpan.FromSeconds(59));

        Breaker.State.Should().Be(CircuitState.HalfOpen);
    }

    [Fact]
    public void Probe_StabilityIsMeasuredFromItsStart_NotFromItsAdmission()
    {
        OpenThenWait();
        Breaker.RequestRestart();
        _time.Advance(TimeSpan.FromSeconds(30)); // the engine loads its model
        Breaker.RecordStarted();

        _time.Advance(TimeSpan.FromSeconds(59));

        Breaker.State.Should().Be(CircuitState.HalfOpen);
    }

    [Fact]
    public void FailedProbe_ReopensForTwiceAsLong()
    {
        OpenThenWait();
        Breaker.RequestRestart();
        Breaker.RecordStarted();
        _time.Advance(TimeSpan.FromSeconds(10));

        Breaker.RecordFailure(CrashReason.OutOfMemory);

        Breaker.State.Should().Be(CircuitState.Open);
        Breaker.GetOpenUntil().Should().Be(_time.GetUtcNow() + TimeSpan.FromSeconds(600));
    }

    [Fact]
    public void FailedProbe_DoublesOpenDuration_CappedAtOneHour()
    {
        Fail(5);
        var durations = new List<double>();
        for (var i = 0; i < 6; i++)
        {
            _time.SetUtcNow(Breaker.GetOpenUntil()!.Value);
            Breaker.RequestRestart().Should().Be(RestartAdmission.Probe);
            Breaker.RecordFailure(CrashReason.Signal);
            durations.Add((Breaker.GetOpenUntil()!.Value - _time.GetUtcNow()).TotalSeconds);
        }

        durations.Should().Equal(600, 1200, 2400, 3600, 3600, 3600);
    }

    [Fact]
    public void Probe_ClosingTheCircuit_RestoresTheFirstOpenDuration()
    {
        OpenThenWait();
        Breaker.RequestRestart();
        Breaker.RecordFailure(CrashReason.Signal);
        _time.Advance(TimeSpan.FromSeconds(600));
        Breaker.RequestRestart();
        Breaker.RecordStarted();
        _time.Advance(TimeSpan.FromSeconds(60));

        Fail(5);

        Breaker.GetOpenUntil().Should().Be(_time.GetUtcNow() + TimeSpan.FromSeconds(300));
    }

    [Fact]
    public void Probe_GracefulExit_FreesTheProbeWithoutReopening()
    {
        OpenThenWait();
        Breaker.RequestRestart();

        Breaker.RecordFailure(CrashReason.GracefulExit);

        Breaker.State.Should().Be(CircuitState.HalfOpen);
        Breaker.RequestRestart().Should().Be(RestartAdmission.Probe);
    }
}
