using FluentAssertions;
using Runtime.Supervision.Engines;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.Engines;

/// <summary>
/// The probe schedule, with probes held in flight by the test: probes never overlap, ticks that fall due meanwhile are
/// probed after it (at most the failure threshold of them), a verdict is final, and disposal ends everything.
/// </summary>
public sealed partial class HealthMonitorScheduleTests : IDisposable
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:5000/");
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly TimerCountingTimeProvider _time = new();
    private readonly HeldProbe _probe = new();
    private readonly List<HealthVerdict> _verdicts = [];
    private readonly List<string> _heard = [];
    private readonly HealthMonitor _monitor;

    public HealthMonitorScheduleTests() => _monitor = new HealthMonitor(
        new HealthProbeOptions { TimeProvider = _time, Interval = Interval, StartupTimeout = TimeSpan.FromSeconds(60), FailureThreshold = 3 },
        _probe.ProbeAsync,
        (verdict, _) =>
        {
            _verdicts.Add(verdict);
            _heard.Add(verdict.ToString());
        });

    public void Dispose() => _monitor.Dispose();

    [Fact]
    public void Watch_ProbesAtOnce_ThenOncePerInterval()
    {
        _monitor.Watch(Endpoint);
        _probe.Started.Should().Be(1);
        _probe.Answer(HeldProbe.Healthy);

        _time.Advance(Interval);

        _verdicts.Should().Equal(HealthVerdict.Ready);
        _probe.Started.Should().Be(2);
    }

    [Fact]
    public void ATickDuringAProbe_WaitsForIt_AndIsProbedRightAfter()
    {
        _monitor.Watch(Endpoint);

        _time.Advance(Interval);
        _probe.Started.Should().Be(1, "probes never overlap");
        _probe.Answer(HeldProbe.Healthy);
        _probe.Started.Should().Be(2, "the tick that fell due is probed as soon as the probe before it ends");
        _probe.Answer(HeldProbe.Healthy);

        _probe.Started.Should().Be(2, "one tick is one probe");
        _probe.InFlight.Should().Be(0);
        _verdicts.Should().Equal([HealthVerdict.Ready], "ready is reported once");
    }

    [Fact]
    public void AHealthyProbe_StartsTheCountOfFailuresAgain()
    {
        _monitor.Watch(Endpoint);
        _probe.Answer(HeldProbe.Healthy);

        foreach (var answer in new[] { HeldProbe.Failing, HeldProbe.Failing, HeldProbe.Healthy, HeldProbe.Failing, HeldProbe.Failing })
        {
            _time.Advance(Interval);
            _probe.Answer(answer);
        }

        _monitor.ConsecutiveFailures.Should().Be(2);
        _verdicts.Should().Equal(HealthVerdict.Ready);
    }

    [Fact]
    public void ManyTicksDuringAProbe_AreProbedOneAfterAnother_AtMostTheFailureThresholdOfThem()
    {
        _monitor.Watch(Endpoint);
        _probe.Answer(HeldProbe.Healthy);
        _time.Advance(Interval);

        for (var tick = 0; tick < 10; tick++)
        {
            _time.Advance(Interval);
        }

        for (var answered = 0; _probe.InFlight > 0; answered++)
        {
            _probe.InFlight.Should().Be(1, "probes never overlap");
            answered.Should().BeLessThan(10);
            _probe.Answer(HeldProbe.Healthy);
        }

        _probe.Started.Should().Be(5, "the first probe, the one in flight, and the 3 queued ticks the threshold allows");
    }

    [Fact]
    public void BeforeReady_ATimedOutProbe_IsRetriedAtOnce_AndAFailedOneWaitsForTheNextTick()
    {
        _monitor.Watch(Endpoint);

        _probe.Answer(HeldProbe.TimedOut);
        _probe.Started.Should().Be(2, "a slow first request is retried at once");
        _probe.Answer(HeldProbe.Failing);
        _probe.Started.Should().Be(2, "an answered failure waits for the next tick");
        _time.Advance(Interval);
        _probe.Started.Should().Be(3);
    }

    [Fact]
    public void BeforeReady_FailedProbes_MakeNoVerdict_OnlyTheStartupTimeoutEndsTheWait()
    {
        _monitor.Watch(Endpoint);

        for (var probe = 0; probe < 5; probe++)
        {
            _probe.Answer(HeldProbe.Failing);
            _time.Advance(Interval);
        }

        _verdicts.Should().BeEmpty();
        _monitor.ConsecutiveFailures.Should().Be(0, "failures count once the engine has been ready");
        _time.Advance(TimeSpan.FromSeconds(60));
        _verdicts.Should().Equal(HealthVerdict.StartupTimedOut);
    }

    [Fact]
    public void AfterReady_ATimedOutProbe_WaitsForTheNextTick()
    {
        _monitor.Watch(Endpoint);
        _probe.Answer(HeldProbe.Healthy);
        _time.Advance(Interval);

        _probe.Answer(HeldProbe.TimedOut);

        _probe.Started.Should().Be(2);
        _monitor.ConsecutiveFailures.Should().Be(1);
    }

    [Fact]
    public void Unhealthy_IsReportedOnce_AndEndsProbing_WithTicksStillQueued()
    {
        _monitor.Watch(Endpoint);
        _probe.Answer(HeldProbe.Healthy);
        _time.Advance(Interval);
        for (var tick = 0; tick < 5; tick++)
        {
            _time.Advance(Interval);
        }

        while (_probe.InFlight > 0)
        {
            _probe.Answer(HeldProbe.Failing);
        }

        _verdicts.Should().Equal(HealthVerdict.Ready, HealthVerdict.Unhealthy);
        _probe.Started.Should().Be(4, "the third consecutive failure ends probing, though a tick is still queued");
        _time.Advance(Interval * 3);
        _probe.Started.Should().Be(4);
        _time.LiveTimers.Should().Be(1, "the probe timer ends with the verdict; only the startup timer waits for Dispose");
    }

    [Fact]
    public void StartupTimedOut_IsFinal_EvenWhenTheProbeInFlightThenAnswersHealthy()
    {
        _monitor.Watch(Endpoint);

        _time.Advance(TimeSpan.FromSeconds(60));
        _probe.Answer(HeldProbe.Healthy);

        _verdicts.Should().Equal(HealthVerdict.StartupTimedOut);
        _probe.Started.Should().Be(1, "the ticks queued meanwhile are not probed after the verdict");
    }

    [Fact]
    public void Dispose_CancelsTheProbeInFlight_EndsEveryTimer_AndReportsNothing()
    {
        _monitor.Watch(Endpoint);
        var token = _probe.LatestToken;

        _monitor.Dispose();
        _probe.Answer(HeldProbe.Healthy);

        token.IsCancellationRequested.Should().BeTrue("the probe in flight is cancelled");
        _time.LiveTimers.Should().Be(0);
        _verdicts.Should().BeEmpty();
    }

    [Fact]
    public void Watch_Again_OrAfterDispose_StartsNothing()
    {
        _monitor.Watch(Endpoint);
        _monitor.Watch(new Uri("http://127.0.0.1:5001/"));
        _probe.Answer(HeldProbe.Healthy);

        _probe.Started.Should().Be(1);
        _time.LiveTimers.Should().Be(2, "one startup timer and one probe timer");

        _monitor.Dispose();
        using var disposed = new HealthMonitor(new HealthProbeOptions { TimeProvider = _time }, _probe.ProbeAsync, (_, _) => { });
        disposed.Dispose();
        disposed.Watch(Endpoint);

        _probe.Started.Should().Be(1);
        _time.LiveTimers.Should().Be(0, "a disposed monitor starts no probe timer");
    }
}
