using FluentAssertions;
using Microsoft.Extensions.Logging;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.RestartLimits;
using Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Runtime.Common.Telemetry;

namespace Runtime.Tests.Supervision.RestartLimits;

public sealed class RestartRateLimiterTests : IDisposable
{
    private readonly FakeTimeProvider _time = TestClock.New();
    private readonly RecordingLogger _logger = new();
    private readonly ScopedMeterFactory _meters = new();
    private readonly RestartRateLimiter _limiter;
    private readonly List<RestartRateWarning> _warnings = [];
    private readonly List<RestartStorm> _storms = [];

    public RestartRateLimiterTests()
    {
        _limiter = new RestartRateLimiter("gpu-0", null, _time, _logger, _meters);
        _limiter.Warning += (_, w) => _warnings.Add(w);
        _limiter.Storm += (_, s) => _storms.Add(s);
    }

    public void Dispose()
    {
        _limiter.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public void Window_TenRestartsInOneMinute_AllAllowed()
    {
        Restart(10).Should().OnlyContain(d => d.IsAllowed);
        _limiter.RestartsInWindow.Should().Be(10);
    }

    [Fact]
    public void Window_EleventhRestartInsideTheWindow_IsRefused()
    {
        Restart(10);
        _time.Advance(TimeSpan.FromSeconds(59));

        var decision = _limiter.TryRecordRestart(CrashReason.ProcessExit);

        decision.IsAllowed.Should().BeFalse();
        decision.RestartsInWindow.Should().Be(10);
    }

    [Fact]
    public void Window_EightThenTwoAfterThirtySeconds_AllAllowed()
    {
        var first = Restart(8);
        _time.Advance(TimeSpan.FromSeconds(30));

        var later = Restart(2);

        first.Concat(later).Should().OnlyContain(d => d.IsAllowed);
        _limiter.TryRecordRestart(CrashReason.ProcessExit).IsAllowed.Should().BeFalse("ten restarts happened in the last 60 s");
    }

    [Fact]
    public void Window_SixtySecondsAfterTheOldestRestarts_AllowsAgain()
    {
        Restart(8);
        _time.Advance(TimeSpan.FromSeconds(30));
        Restart(2);

        _time.Advance(TimeSpan.FromSeconds(30));

        _limiter.RestartsInWindow.Should().Be(2);
        Restart(8).Should().OnlyContain(d => d.IsAllowed);
    }

    [Fact]
    public void Warning_FiveRestarts_IsNotRaised()
    {
        Restart(5).Should().OnlyContain(d => d.Warning == null);
        _warnings.Should().BeEmpty();
    }

    [Fact]
    public void Warning_SixthRestart_NamesTheCountAndTheWindow()
    {
        Restart(5);

        var decision = _limiter.TryRecordRestart(CrashReason.Signal);

        var expected = new RestartRateWarning("gpu-0", 6, TimeSpan.FromSeconds(60), _time.GetUtcNow());
        decision.Warning.Should().Be(expected);
        _warnings.Should().Equal(expected);
        var entry = _logger.WithEvent(RestartLimitConstants.WarningEventName).Should().ContainSingle().Subject;
        entry.Level.Should().Be(LogLevel.Warning);
        entry.Fields.Should().Contain(new Dictionary<string, object?> { ["PoolId"] = "gpu-0", ["RestartCount"] = 6, ["WindowSeconds"] = 60.0 });
    }

    [Fact]
    public void Storm_FirstRefusal_IsDeclaredWithPoolAndRestartCount()
    {
        Restart(10, CrashReason.Signal);

        var decision = _limiter.TryRecordRestart(CrashReason.Signal);

        decision.OpensCircuit.Should().BeTrue();
        decision.Storm.Should().Be(new RestartStorm("gpu-0", 10, TimeSpan.FromSeconds(60), CrashReason.Signal, RestartStormKind.Crash, _time.GetUtcNow()));
        _storms.Should().ContainSingle();
        var entry = _logger.WithEvent(RestartLimitConstants.StormEventName).Should().ContainSingle().Subject;
        entry.Level.Should().Be(LogLevel.Critical);
        entry.Fields.Should().Contain(new Dictionary<string, object?>
        {
            ["PoolId"] = "gpu-0",
            ["RestartCount"] = 10,
            ["StormKind"] = "crash_storm",
            ["CrashReason"] = "signal",
        });
    }

    [Fact]
    public void Storm_FurtherRefusals_DoNotDeclareAnotherStorm()
    {
        Restart(11);

        var decision = _limiter.TryRecordRestart(CrashReason.ProcessExit);

        decision.IsAllowed.Should().BeFalse();
        decision.OpensCircuit.Should().BeFalse();
        _storms.Should().ContainSingle();
    }

    [Fact]
    public void Storm_AfterTheWindowEmptiesAndFillsAgain_IsDeclaredAgain()
    {
        Restart(11);
        _time.Advance(TimeSpan.FromSeconds(60));

        Restart(11);

        _storms.Should().HaveCount(2);
    }

    [Theory]
    [InlineData(CrashReason.OutOfMemory, "oom_storm", "reduce the model's memory footprint or batch size, or move it to a device with more memory")]
    [InlineData(CrashReason.DriverError, "driver_error_storm", "check the accelerator driver and the device's health, then reset or replace the device")]
    [InlineData(CrashReason.Signal, "crash_storm", "read the engine's logs for the repeated failure and fix the model or its configuration")]
    [InlineData(CrashReason.HealthCheckFailure, "crash_storm", "read the engine's logs for the repeated failure and fix the model or its configuration")]
    public void Storm_DominantReason_ClassifiesTheStorm(CrashReason dominant, string kind, string remediation)
    {
        Restart(6, dominant);
        Restart(4, CrashReason.ProcessExit);

        var storm = _limiter.TryRecordRestart(CrashReason.ProcessExit).Storm!.Value;

        storm.DominantReason.Should().Be(dominant);
        storm.KindName.Should().Be(kind);
        storm.Remediation.Should().Be(remediation);
    }

    [Fact]
    public void Storm_TiedReasons_TheMostRecentDominates()
    {
        Restart(5, CrashReason.DriverError);
        Restart(4, CrashReason.OutOfMemory);
        Restart(1, CrashReason.ProcessExit);

        _limiter.TryRecordRestart(CrashReason.OutOfMemory).Storm!.Value.Kind.Should().Be(RestartStormKind.OutOfMemory);
    }

    [Fact]
    public void Metrics_StormCounterAndRateGauge_ArePerPool()
    {
        using var recorder = new InstrumentRecorder(_meters);
        Restart(10, CrashReason.OutOfMemory);
        recorder.Observe(TelemetryNames.RestartRate).Should().ContainSingle().Which.Should().Match<RecordedMeasurement>(m => m.Value == 10 && m.Tag("pool") == "gpu-0");

        _limiter.TryRecordRestart(CrashReason.OutOfMemory);

        recorder.For(TelemetryNames.RestartStorms).Should().ContainSingle().Which.Should().Match<RecordedMeasurement>(m =>
            m.Value == 1 && m.Tag("pool") == "gpu-0" && m.Tag("storm.kind") == "oom_storm" && m.Tag("crash.reason") == "out_of_memory");
    }

    [Fact]
    public void Metrics_RateGauge_ForgetsRestartsThatLeftTheWindow()
    {
        using var recorder = new InstrumentRecorder(_meters);
        Restart(3);

        _time.Advance(TimeSpan.FromSeconds(60));

        recorder.Observe(TelemetryNames.RestartRate).Single().Value.Should().Be(0);
    }

    [Fact]
    public void RecordStarted_SixHundredSecondsStable_ResetsTheRestartCount()
    {
        Restart(7);
        _limiter.RecordStarted();

        _time.Advance(TimeSpan.FromSeconds(600));

        _limiter.RestartCount.Should().Be(0);
        _logger.WithEvent(RestartLimitConstants.ResetEventName).Should().ContainSingle().Which.Fields["RestartCount"].Should().Be(7);
    }

    [Fact]
    public void RecordStarted_RestartAfter599Seconds_KeepsCounting()
    {
        Restart(7);
        _limiter.RecordStarted();
        _time.Advance(TimeSpan.FromSeconds(599));

        Restart(1);

        _limiter.RestartCount.Should().Be(8);
    }

    [Fact]
    public void Reset_ClearsTheWindow()
    {
        Restart(10);

        _limiter.Reset();

        _limiter.TryRecordRestart(CrashReason.Signal).Should().Match<RestartRateDecision>(d => d.IsAllowed && d.RestartsInWindow == 1);
    }

    private List<RestartRateDecision> Restart(int times, CrashReason reason = CrashReason.ProcessExit) =>
        Enumerable.Range(0, times).Select(_ => _limiter.TryRecordRestart(reason)).ToList();
}
