using FluentAssertions;
using Runtime.CircuitBreaker;
using Runtime.Crashes;
using Runtime.Tests.Support;
using Runtime.Time;
using Xunit;

namespace Runtime.Tests.CircuitBreaker;

public sealed class PoolCircuitBreakerTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly RecordingLogger _logger = new();
    private readonly ScopedMeterFactory _meters = new();
    private readonly List<CircuitStateChange> _changes = [];
    private PoolCircuitBreaker? _breaker;

    private PoolCircuitBreaker Breaker => _breaker ??= Create();

    public void Dispose()
    {
        _breaker?.Dispose();
        _meters.Dispose();
    }

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
    public void RecordSuccess_BetweenFailures_RestartsTheCount()
    {
        Fail(4);
        Breaker.RecordSuccess();

        Fail(4);

        Breaker.State.Should().Be(CircuitState.Closed);
        Breaker.GetFailureCount().Should().Be(4);
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
        Breaker.RecordSuccess();

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
    public void StateChanged_EveryTransition_IsLoggedWithPoolStatesAndFailureCount()
    {
        Fail(5);

        var entry = _logger.WithEvent(CircuitBreakerConstants.StateChangedEventName).Should().ContainSingle().Subject;
        entry.EventId.Id.Should().Be(1201);
        entry.Fields.Should().Contain(new Dictionary<string, object?>
        {
            ["PoolId"] = "gpu-0",
            ["Circuit"] = "general",
            ["OldState"] = "closed",
            ["NewState"] = "open",
            ["FailureCount"] = 5,
        });
    }

    [Fact]
    public void StateChanged_IsRaisedOutsideTheLock()
    {
        CircuitState? seenFromAnotherThread = null;
        Breaker.StateChanged += (_, _) =>
        {
            var read = Task.Run(() => Breaker.State);
            if (read.Wait(TimeSpan.FromSeconds(5)))
            {
                seenFromAnotherThread = read.Result;
            }
        };

        Fail(5);

        seenFromAnotherThread.Should().Be(CircuitState.Open, "another thread can take the lock while the event runs");
    }

    [Fact]
    public void Metrics_StateGaugeAndOpenCounter_FollowTheCircuit()
    {
        _breaker = Create();
        using var recorder = new InstrumentRecorder(_meters);
        var states = new List<double> { recorder.Observe("circuit_breaker_state").Single().Value };

        Fail(5);
        states.Add(recorder.Observe("circuit_breaker_state").Single().Value);
        _time.Advance(TimeSpan.FromSeconds(300));
        states.Add(recorder.Observe("circuit_breaker_state").Single().Value);

        states.Should().Equal(0, 1, 2);
        recorder.For("circuit_breaker_open_total").Should().ContainSingle().Which.Should().Match<RecordedMeasurement>(m =>
            m.Value == 1 && m.Tag("pool") == "gpu-0" && m.Tag("circuit") == "general");
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
    public void SeparateCircuit_GaugeReportsEachCircuit()
    {
        _breaker = Create(new CircuitBreakerOptions { SeparateCircuitReasons = { CrashReason.DriverError } });
        using var recorder = new InstrumentRecorder(_meters);

        Fail(5, CrashReason.DriverError);

        recorder.Observe("circuit_breaker_state").ToDictionary(m => m.Tag("circuit")!, m => m.Value)
            .Should().Equal(new Dictionary<string, double> { ["general"] = 0, ["driver_error"] = 1 });
    }

    private PoolCircuitBreaker Create(CircuitBreakerOptions? options = null)
    {
        var breaker = new PoolCircuitBreaker("gpu-0", options, _time, _logger, _meters);
        breaker.StateChanged += (_, c) => _changes.Add(c);
        return breaker;
    }

    private void Fail(int times, CrashReason reason = CrashReason.ProcessExit)
    {
        for (var i = 0; i < times; i++)
        {
            Breaker.RecordFailure(reason);
        }
    }

    private void OpenThenWait()
    {
        Fail(5);
        _time.Advance(TimeSpan.FromSeconds(300));
    }
}
