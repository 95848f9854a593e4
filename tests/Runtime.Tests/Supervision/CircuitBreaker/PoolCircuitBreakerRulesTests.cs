using FluentAssertions;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.Tests.Support;
using Xunit;
using Runtime.Common.Telemetry;

namespace Runtime.Tests.Supervision.CircuitBreaker;

/// <summary>Rules found unpinned by mutation testing (docs/mutation.md): what each change event carries, which refusal wins, disposal.</summary>
public sealed class PoolCircuitBreakerRulesTests : PoolCircuitBreakerFixture
{
    private static CircuitBreakerOptions DriverAndOomCircuits() =>
        new() { SeparateCircuitReasons = { CrashReason.OutOfMemory, CrashReason.DriverError } };

    [Fact]
    public void StateChanged_Opening_SaysUntilWhen_OtherChangesDoNot()
    {
        var openedAt = _time.GetUtcNow();
        OpenThenWait();

        _changes.Select(c => (c.NewState, c.OpenUntil)).Should().Equal(
            (CircuitState.Open, openedAt.AddSeconds(300)),
            (CircuitState.HalfOpen, (DateTimeOffset?)null));
        _changes[0].At.Should().Be(openedAt);
    }

    [Fact]
    public void GetOpenUntil_HalfOpen_IsNull()
    {
        OpenThenWait();

        Breaker.State.Should().Be(CircuitState.HalfOpen);
        Breaker.GetOpenUntil().Should().BeNull("only an open circuit has a reopening time");
    }

    [Fact]
    public void Reset_SeveralOpenCircuits_RaisesOneChangePerCircuitInCircuitOrder()
    {
        _breaker = Create(DriverAndOomCircuits());
        Fail(5, CrashReason.DriverError);
        Fail(5, CrashReason.OutOfMemory);
        Fail(5);
        _changes.Clear();

        Breaker.Reset();

        _changes.Select(c => (c.Circuit, c.OldState, c.NewState)).Should().Equal(
            ("general", CircuitState.Open, CircuitState.Closed),
            ("out_of_memory", CircuitState.Open, CircuitState.Closed),
            ("driver_error", CircuitState.Open, CircuitState.Closed));
    }

    [Fact]
    public void Trip_RaisesTheChangeOfTheTrippedCircuit()
    {
        _breaker = Create(DriverAndOomCircuits());

        Breaker.Trip(CrashReason.OutOfMemory);

        _changes.Should().ContainSingle().Which.Should().Match<CircuitStateChange>(c =>
            c.Circuit == "out_of_memory" && c.NewState == CircuitState.Open && c.Reason == CrashReason.OutOfMemory);
    }

    [Theory]
    [InlineData(CrashReason.DriverError, CrashReason.OutOfMemory)]
    [InlineData(CrashReason.OutOfMemory, CrashReason.DriverError)]
    public void RequestRestart_OneCircuitOpenAndAnotherProbing_IsRefusedAsOpen(CrashReason probing, CrashReason open)
    {
        _breaker = Create(DriverAndOomCircuits());
        Fail(5, probing);
        _time.Advance(TimeSpan.FromSeconds(300));
        Breaker.RequestRestart().Should().Be(RestartAdmission.Probe);
        Breaker.Trip(open); // a failure would reopen the probing circuit too

        Breaker.GetState(probing).Should().Be(CircuitState.HalfOpen);

        Breaker.RequestRestart().Should().Be(RestartAdmission.RefusedOpen, "an open circuit outranks a probe under way, whichever circuit comes first");
    }

    [Fact]
    public void RequestRestart_ProbeUnderWayAndOtherCircuitsClosed_IsRefusedForTheProbe()
    {
        _breaker = Create(DriverAndOomCircuits());
        Fail(5, CrashReason.DriverError);
        _time.Advance(TimeSpan.FromSeconds(300));
        Breaker.RequestRestart();

        Breaker.RequestRestart().Should().Be(RestartAdmission.RefusedProbeOutstanding);
    }

    [Fact]
    public void HalfOpen_FailureWithoutAProbe_DoesNotReopen()
    {
        OpenThenWait();

        Breaker.RecordFailure(CrashReason.ProcessExit);

        Breaker.State.Should().Be(CircuitState.HalfOpen, "only the probe's own failure reopens a half-open circuit");
        Breaker.RequestRestart().Should().Be(RestartAdmission.Probe);
    }

    [Fact]
    public void Dispose_OpenCircuit_NoLaterTransition()
    {
        Fail(5);
        _changes.Clear();

        Breaker.Dispose();
        Breaker.Dispose();
        _time.Advance(TimeSpan.FromSeconds(300));

        _changes.Should().BeEmpty("a disposed breaker's timers no longer move its circuits");
    }

    [Fact]
    public void Dispose_ThenEveryQuestionOrRecord_ThrowsObjectDisposed()
    {
        Breaker.Dispose();

        var calls = new Action[]
        {
            () => Breaker.RequestRestart(), Breaker.RecordStarted, () => Breaker.RecordFailure(CrashReason.Signal),
            () => Breaker.Trip(CrashReason.Signal), Breaker.Reset, () => Breaker.AllowOneRestart(),
        };
        calls.Should().AllSatisfy(call => FluentActions.Invoking(call).Should().Throw<ObjectDisposedException>("a disposed breaker answers nothing"));
    }

    [Fact]
    public void AnAllowanceUnusedWhenTheCircuitClosesOnItsOwn_IsWithdrawn()
    {
        OpenThenWait();
        Breaker.RequestRestart().Should().Be(RestartAdmission.Probe);
        Breaker.AllowOneRestart().Should().BeTrue();
        Breaker.RecordStarted();
        _time.Advance(TimeSpan.FromSeconds(60));
        Breaker.State.Should().Be(CircuitState.Closed, "the probe ran stable for 60 seconds");

        Fail(5);

        Breaker.RequestRestart().Should().Be(RestartAdmission.RefusedOpen, "the operator allowed a restart of the last outage, not of this one");
    }

    [Fact]
    public void ACircuitClosedOnItsOwn_HasNothingToAllow()
    {
        OpenThenWait();
        Breaker.RequestRestart();
        Breaker.RecordStarted();
        _time.Advance(TimeSpan.FromSeconds(60));

        Breaker.AllowOneRestart().Should().BeFalse("the probe's stable run closed the circuit");
    }

    [Fact]
    public void GracefulExits_CountNoFailure()
    {
        Fail(5, CrashReason.GracefulExit);

        Breaker.GetFailureCount().Should().Be(0);
        Breaker.State.Should().Be(CircuitState.Closed);
    }

    [Fact]
    public void Dispose_AfterOutagesAndProbes_LeavesNoTimer()
    {
        var time = new TimerCountingTimeProvider();
        var breaker = new PoolCircuitBreaker("gpu-0", null, time);
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 5; i++)
            {
                breaker.RecordFailure(CrashReason.ProcessExit);
            }

            time.Advance(TimeSpan.FromSeconds(300 * (1 << round)));
            breaker.RequestRestart().Should().Be(RestartAdmission.Probe);
            breaker.RecordStarted();
            time.Advance(TimeSpan.FromSeconds(60));
        }

        breaker.Dispose();

        time.LiveTimers.Should().Be(0);
    }

    [Fact]
    public void RequestRestart_TwoCircuitsHalfOpen_IsTheProbe()
    {
        _breaker = Create(DriverAndOomCircuits());
        Breaker.Trip(CrashReason.OutOfMemory);
        Breaker.Trip(CrashReason.DriverError);
        _time.Advance(TimeSpan.FromSeconds(300));

        Breaker.RequestRestart().Should().Be(RestartAdmission.Probe, "the one restart probes both half-open circuits");
    }

    [Fact]
    public void OpenCounter_CountsTheOpeningOnly()
    {
        using var recorder = new InstrumentRecorder(_meters);
        Fail(5);
        recorder.For(TelemetryNames.CircuitOpenings).Should().ContainSingle("the circuit opened");

        _time.Advance(TimeSpan.FromSeconds(300));
        Breaker.RequestRestart();
        Breaker.RecordStarted();
        _time.Advance(TimeSpan.FromSeconds(60));

        Breaker.State.Should().Be(CircuitState.Closed);
        recorder.For(TelemetryNames.CircuitOpenings).Should().ContainSingle("half-open and closed are not openings");
    }

    [Fact]
    public void Dispose_ATimerAlreadyOnItsWay_ChangesNothing()
    {
        var time = new CallbackKeepingTimeProvider();
        var breaker = new PoolCircuitBreaker("gpu-0", null, time);
        var changes = new List<CircuitStateChange>();
        breaker.StateChanged += (_, c) => changes.Add(c);
        breaker.Trip(CrashReason.ProcessExit);
        changes.Clear();

        breaker.Dispose();
        time.Advance(TimeSpan.FromSeconds(300));
        time.FireAll(); // a callback the thread pool had started before the timer was disposed

        changes.Should().BeEmpty("a disposed breaker moves no circuit");
    }

    [Fact]
    public void GetStateName_UnknownState_IsRefused() =>
        FluentActions.Invoking(() => CircuitBreakerConstants.GetStateName((CircuitState)9)).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("state").WithMessage("Unknown circuit state.*");
}
