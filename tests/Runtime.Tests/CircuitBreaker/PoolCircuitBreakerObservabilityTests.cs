using System.Diagnostics.Metrics;
using FluentAssertions;
using Runtime.CircuitBreaker;
using Runtime.Crashes;
using Runtime.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Runtime.Tests.CircuitBreaker;

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
    public void SeparateCircuit_GaugeReportsEachCircuit()
    {
        _breaker = Create(new CircuitBreakerOptions { SeparateCircuitReasons = { CrashReason.DriverError } });
        using var recorder = new InstrumentRecorder(_meters);

        Fail(5, CrashReason.DriverError);

        recorder.Observe("circuit_breaker_state").ToDictionary(m => m.Tag("circuit")!, m => m.Value)
            .Should().Equal(new Dictionary<string, double> { ["general"] = 0, ["driver_error"] = 1 });
    }

    [Fact]
    public void StateChanged_HalfOpen_IsLoggedAsHalfOpen()
    {
        OpenThenWait();

        _logger.WithEvent(CircuitBreakerConstants.StateChangedEventName).Select(e => e.Fields["NewState"])
            .Should().Equal("open", "half_open");
    }

    [Fact]
    public void Metrics_Instruments_CarryTheirUnitsAndDescriptions()
    {
        _breaker = Create();
        var published = new Dictionary<string, (string? Unit, string? Description)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, _meters))
                {
                    published[instrument.Name] = (instrument.Unit, instrument.Description);
                }
            },
        };
        listener.Start();

        published.Should().Equal(new Dictionary<string, (string?, string?)>
        {
            ["circuit_breaker_open_total"] = ("{open}", "Transitions of a pool's restart circuit to open."),
            ["circuit_breaker_state"] = ("{state}", "State of a pool's restart circuit: 0 closed, 1 open, 2 half-open."),
        });
    }

    [Fact]
    public void Dispose_WithAMeterFactory_LeavesTheFactorysMeterToOtherPools()
    {
        _breaker = Create();
        using var other = new PoolCircuitBreaker("gpu-1", null, _time, _logger, _meters);

        _breaker.Dispose();
        using var recorder = new InstrumentRecorder(_meters);

        recorder.Observe("circuit_breaker_state").Select(m => m.Tag("pool")).Should().Contain("gpu-1");
    }

    [Fact]
    public void Dispose_WithoutAMeterFactory_EndsItsPrivateMeter()
    {
        var poolId = $"gpu-{Guid.NewGuid():N}";
        var breaker = new PoolCircuitBreaker(poolId, null, _time);
        var completed = 0;
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CircuitBreakerConstants.MeterName && instrument.Meter.Scope is null)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        var mine = new HashSet<Instrument>();
        listener.SetMeasurementEventCallback<int>((instrument, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "pool" && Equals(tag.Value, poolId))
                {
                    mine.Add(instrument);
                }
            }
        });
        listener.MeasurementsCompleted = (instrument, _) =>
        {
            if (mine.Contains(instrument))
            {
                Interlocked.Increment(ref completed);
            }
        };
        listener.Start();
        listener.RecordObservableInstruments();
        mine.Should().ContainSingle("the breaker's state gauge reports its pool");

        breaker.Dispose();

        completed.Should().Be(1, "disposing the breaker disposes the meter it created");
    }
}
