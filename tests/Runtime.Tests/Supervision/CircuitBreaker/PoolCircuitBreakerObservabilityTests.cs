using FluentAssertions;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Runtime.Common.Telemetry;

namespace Runtime.Tests.Supervision.CircuitBreaker;

public sealed class PoolCircuitBreakerObservabilityTests : PoolCircuitBreakerFixture
{
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
        var states = new List<double> { recorder.Observe(TelemetryNames.CircuitState).Single().Value };

        Fail(5);
        states.Add(recorder.Observe(TelemetryNames.CircuitState).Single().Value);
        _time.Advance(TimeSpan.FromSeconds(300));
        states.Add(recorder.Observe(TelemetryNames.CircuitState).Single().Value);

        states.Should().Equal(0, 1, 2);
        recorder.For(TelemetryNames.CircuitOpenings).Should().ContainSingle().Which.Should().Match<RecordedMeasurement>(m =>
            m.Value == 1 && m.Tag("pool") == "gpu-0" && m.Tag("circuit") == "general");
    }

    [Fact]
    public void SeparateCircuit_GaugeReportsEachCircuit()
    {
        _breaker = Create(new CircuitBreakerOptions { SeparateCircuitReasons = { CrashReason.DriverError } });
        using var recorder = new InstrumentRecorder(_meters);

        Fail(5, CrashReason.DriverError);

        recorder.Observe(TelemetryNames.CircuitState).ToDictionary(m => m.Tag("circuit")!, m => m.Value)
            .Should().Equal(new Dictionary<string, double> { ["general"] = 0, ["driver_error"] = 1 });
    }

    [Fact]
    public void StateChanged_HalfOpen_IsLoggedAsHalfOpen()
    {
        OpenThenWait();

        _logger.WithEvent(CircuitBreakerConstants.StateChangedEventName).Select(e => e.Fields["NewState"])
            .Should().Equal("open", "half_open");
    }
}
