using FluentAssertions;
using Runtime.Supervision.Backoff;
using Runtime.Supervision.Crashes;
using Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Runtime.Common.Telemetry;

namespace Runtime.Tests.Supervision.Backoff;

public sealed class RestartBackoffTests : IDisposable
{
    private readonly FakeTimeProvider _time = TestClock.New();
    private readonly RecordingLogger _logger = new();
    private readonly ScopedMeterFactory _meters = new();
    private double _random = 0.5; // the middle of [0, 1): no jitter
    private RestartBackoff? _backoff;

    private RestartBackoff Backoff => _backoff ??= Create();

    public void Dispose()
    {
        _backoff?.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public void RecordCrash_FirstCrash_WaitsOneSecond()
    {
        Backoff.RecordCrash(CrashReason.ProcessExit).Delay.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void RecordCrash_ConsecutiveCrashes_DoubleTheDelay()
    {
        var delays = Enumerable.Range(0, 7).Select(_ => Backoff.RecordCrash(CrashReason.Signal).Delay.TotalSeconds).ToList();

        delays.Should().Equal(1, 2, 4, 8, 16, 32, 60);
    }

    [Fact]
    public void NextDelay_AfterTenFailures_IsCappedAtMax()
    {
        for (var i = 0; i < 10; i++)
        {
            Backoff.RecordCrash(CrashReason.ProcessExit);
        }

        Backoff.RecordCrash(CrashReason.ProcessExit).Delay.Should().Be(TimeSpan.FromSeconds(60));
    }

    [Theory]
    [InlineData(0.0, 900)]
    [InlineData(0.25, 950)]
    [InlineData(0.75, 1050)]
    public void Jitter_ScalesTheDelayWithinTenPercent(double random, double expectedMs)
    {
        _random = random;

        Backoff.RecordCrash(CrashReason.ProcessExit).Delay.TotalMilliseconds.Should().BeApproximately(expectedMs, 0.001);
    }

    [Fact]
    public void Jitter_HighestRandom_StaysWithinTenPercentMore()
    {
        _random = Math.BitDecrement(1.0);

        Backoff.RecordCrash(CrashReason.ProcessExit).Delay.Should().BeLessThanOrEqualTo(TimeSpan.FromMilliseconds(1100)).And.BeGreaterThan(TimeSpan.FromMilliseconds(1099));
    }

    [Fact]
    public void Jitter_NeverExceedsCap()
    {
        _random = Math.BitDecrement(1.0);
        var delays = Enumerable.Range(0, 12).Select(_ => Backoff.RecordCrash(CrashReason.ProcessExit).Delay).ToList();

        delays.Should().OnlyContain(d => d <= TimeSpan.FromSeconds(60));
        delays[^1].Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Jitter_NeverGoesBelowMinimum()
    {
        _random = 0.0;
        _backoff = Create(new RestartBackoffOptions { MinimumDelay = TimeSpan.FromSeconds(1) });

        Backoff.RecordCrash(CrashReason.ProcessExit).Delay.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void MinimumDelay_AboveTheFirstDelay_RaisesIt()
    {
        _backoff = Create(new RestartBackoffOptions { MinimumDelay = TimeSpan.FromSeconds(5) });

        Backoff.RecordCrash(CrashReason.ProcessExit).Delay.Should().Be(TimeSpan.FromSeconds(5));
        Backoff.RecordCrash(CrashReason.ProcessExit).Delay.Should().Be(TimeSpan.FromSeconds(5));
        Backoff.RecordCrash(CrashReason.ProcessExit).Delay.Should().Be(TimeSpan.FromSeconds(5));
        Backoff.RecordCrash(CrashReason.ProcessExit).Delay.Should().Be(TimeSpan.FromSeconds(8));
    }

    [Fact]
    public void RecordCrash_DriverError_DoublesTheDelayByDefault()
    {
        Backoff.RecordCrash(CrashReason.DriverError).Delay.Should().Be(TimeSpan.FromSeconds(2));
        Backoff.RecordCrash(CrashReason.DriverError).Delay.Should().Be(TimeSpan.FromSeconds(4));
    }

    [Fact]
    public void RecordCrash_DriverErrorNearTheCap_IsCappedAtMax()
    {
        for (var i = 0; i < 6; i++)
        {
            Backoff.RecordCrash(CrashReason.ProcessExit);
        }

        Backoff.RecordCrash(CrashReason.DriverError).Delay.Should().Be(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void RecordCrash_ConfiguredReasonMultiplier_AppliesToThatReasonOnly()
    {
        _backoff = Create(new RestartBackoffOptions { ReasonMultipliers = { [CrashReason.OutOfMemory] = 3.0 } });

        Backoff.RecordCrash(CrashReason.OutOfMemory).Delay.Should().Be(TimeSpan.FromSeconds(3));
        Backoff.RecordCrash(CrashReason.Signal).Delay.Should().Be(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void RecordCrash_Decision_CarriesCountNextRestartTimeAndReason()
    {
        Backoff.RecordCrash(CrashReason.OutOfMemory);
        _time.Advance(TimeSpan.FromSeconds(10));

        var decision = Backoff.RecordCrash(CrashReason.HealthCheckFailure);

        decision.Should().Be(new BackoffDecision(TimeSpan.FromSeconds(2), 2, _time.GetUtcNow() + TimeSpan.FromSeconds(2), CrashReason.HealthCheckFailure));
    }

    [Fact]
    public void RecordStarted_ThreeHundredSecondsStable_ResetsToTheFirstDelay()
    {
        Crash(4);
        var resets = new List<BackoffReset>();
        Backoff.DelayReset += (_, r) => resets.Add(r);

        Backoff.RecordStarted();
        _time.Advance(TimeSpan.FromSeconds(300));

        Backoff.ConsecutiveCrashes.Should().Be(0);
        resets.Should().ContainSingle().Which.Should().Be(new BackoffReset("gpu-0", 4, _time.GetUtcNow(), "stable"));
        Backoff.RecordCrash(CrashReason.ProcessExit).Delay.Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void RecordStarted_CrashAfter299Seconds_KeepsDoubling()
    {
        Crash(3);

        Backoff.RecordStarted();
        _time.Advance(TimeSpan.FromSeconds(299));

        Backoff.RecordCrash(CrashReason.ProcessExit).Delay.Should().Be(TimeSpan.FromSeconds(8));
    }

    [Fact]
    public void RecordStarted_RestartedAfterACrash_MeasuresStabilityFromTheLatestStart()
    {
        Crash(2);
        Backoff.RecordStarted();
        _time.Advance(TimeSpan.FromSeconds(200));
        Crash(1);
        Backoff.RecordStarted();

        _time.Advance(TimeSpan.FromSeconds(200));

        Backoff.ConsecutiveCrashes.Should().Be(3, "only 200 s of stable running passed since the latest start");
    }

    [Fact]
    public void Reset_AfterCrashes_ForgetsThem()
    {
        Crash(5);

        Backoff.Reset();

        Backoff.RecordCrash(CrashReason.ProcessExit).Should().Match<BackoffDecision>(d => d.Delay == TimeSpan.FromSeconds(1) && d.CrashCount == 1);
        _logger.WithEvent("BackoffReset").Should().ContainSingle().Which.Fields["Cause"].Should().Be("manual");
    }

    [Fact]
    public void RecordCrash_LogsRestartScheduled_WithDelayCountAndNextRestartTime()
    {
        Crash(1);

        var decision = Backoff.RecordCrash(CrashReason.OutOfMemory);

        var entry = _logger.WithEvent(BackoffConstants.RestartScheduledEventName)[^1];
        entry.EventId.Id.Should().Be(1101);
        entry.Fields.Should().Contain(new Dictionary<string, object?>
        {
            ["PoolId"] = "gpu-0",
            ["CrashCount"] = 2,
            ["CrashReason"] = "out_of_memory",
            ["DelayMs"] = 2000.0,
            ["NextRestartAt"] = decision.NextRestartAt,
        });
    }

    [Fact]
    public void RecordCrash_MeasuresDelayAndScheduledRestart_TaggedByPoolAndReason()
    {
        using var recorder = new InstrumentRecorder(_meters);

        Backoff.RecordCrash(CrashReason.DriverError);

        recorder.For(TelemetryNames.BackoffDelay).Should().ContainSingle().Which.Should().Match<RecordedMeasurement>(m =>
            m.Value == 2.0 && m.Tag("pool") == "gpu-0" && m.Tag("crash.reason") == "driver_error");
        recorder.For(TelemetryNames.RestartsScheduled).Should().ContainSingle().Which.Should().Match<RecordedMeasurement>(m =>
            m.Value == 1 && m.Tag("pool") == "gpu-0" && m.Tag("crash.reason") == "driver_error");
    }

    [Fact]
    public void RecordCrash_AnotherMeterFactory_IsNotObserved()
    {
        using var otherFactory = new ScopedMeterFactory();
        using var other = new RestartBackoff("gpu-0", null, _time, () => 0.5, null, otherFactory);
        using var recorder = new InstrumentRecorder(_meters);

        other.RecordCrash(CrashReason.Signal);
        Backoff.RecordCrash(CrashReason.OutOfMemory);

        recorder.For(TelemetryNames.RestartsScheduled).Should().ContainSingle().Which.Tag("crash.reason").Should().Be("out_of_memory");
    }

    [Fact]
    public void Dispose_PendingStableTimer_IsRemoved()
    {
        var time = new TimerCountingTimeProvider();
        var backoff = new RestartBackoff("gpu-0", null, time, () => _random, _logger, _meters);
        backoff.RecordStarted();
        time.LiveTimers.Should().Be(1);

        backoff.Dispose();

        time.LiveTimers.Should().Be(0);
    }

    private RestartBackoff Create(RestartBackoffOptions? options = null) =>
        new("gpu-0", options, _time, () => _random, _logger, _meters);

    private void Crash(int times)
    {
        for (var i = 0; i < times; i++)
        {
            Backoff.RecordCrash(CrashReason.ProcessExit);
        }
    }
}
