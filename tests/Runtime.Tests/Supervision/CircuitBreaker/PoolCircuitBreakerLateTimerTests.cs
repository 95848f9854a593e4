using FluentAssertions;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.CircuitBreaker;

/// <summary>
/// On a busy machine a breaker's timers fire late, so every call applies the transitions time has made due. These
/// rules pin what such a call then reports, raises and leaves behind (docs/mutation.md).
/// </summary>
public sealed class PoolCircuitBreakerLateTimerTests : IDisposable
{
    private readonly LateTimeProvider _time = new(TimeSpan.FromDays(1)); // no timer fires within these tests
    private readonly List<CircuitStateChange> _changes = [];
    private readonly PoolCircuitBreaker _breaker;

    public PoolCircuitBreakerLateTimerTests()
    {
        _breaker = new PoolCircuitBreaker("gpu-0", null, _time);
        _breaker.StateChanged += (_, c) => _changes.Add(c);
    }

    public void Dispose() => _breaker.Dispose();

    [Fact]
    public void LateTimers_EveryCallSeesTheTransitionsTimeHasDue()
    {
        OpenFiveFailures();
        _time.Advance(TimeSpan.FromSeconds(300));
        _breaker.RecordFailure(CrashReason.ProcessExit);

        _breaker.State.Should().Be(CircuitState.HalfOpen, "300 seconds have passed, though no timer has fired");
        _breaker.RequestRestart().Should().Be(RestartAdmission.Probe);
    }

    [Fact]
    public void LateTimers_ARequestSeesTheCircuitHalfOpen()
    {
        OpenFiveFailures();
        _time.Advance(TimeSpan.FromSeconds(300));

        _breaker.RequestRestart().Should().Be(RestartAdmission.Probe, "300 seconds have passed, though no timer has fired");
    }

    [Fact]
    public void RequestRestart_ProbeRanStable_IsAPlainRestartAndLeavesNothingToAllow()
    {
        ProbeThenRunStable();

        _breaker.RequestRestart().Should().Be(RestartAdmission.Allowed, "the probe's 60 stable seconds closed the circuit");
        _breaker.AllowOneRestart().Should().BeFalse("every circuit is closed");
    }

    [Fact]
    public void RequestRestart_OpenDurationOver_RaisesTheMoveToHalfOpen()
    {
        OpenFiveFailures();
        _time.Advance(TimeSpan.FromSeconds(300));

        _breaker.RequestRestart().Should().Be(RestartAdmission.Probe);

        _changes.Select(c => c.NewState).Should().Equal(CircuitState.Open, CircuitState.HalfOpen);
    }

    private void OpenFiveFailures()
    {
        for (var i = 0; i < 5; i++)
        {
            _breaker.RecordFailure(CrashReason.ProcessExit);
        }
    }

    private void ProbeThenRunStable()
    {
        OpenFiveFailures();
        _time.Advance(TimeSpan.FromSeconds(300));
        _breaker.RequestRestart().Should().Be(RestartAdmission.Probe);
        _breaker.RecordStarted();
        _time.Advance(TimeSpan.FromSeconds(60));
    }
}
