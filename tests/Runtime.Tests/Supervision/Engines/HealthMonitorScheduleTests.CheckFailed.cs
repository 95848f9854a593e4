using FluentAssertions;
using Runtime.Supervision.Engines;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.Engines;

/// <summary>
/// <see cref="HealthMonitor.CheckFailed"/>: each failed check of a ready engine, with its running count, heard after
/// the verdict it led to. <see cref="_heard"/> holds verdicts and failures in the order they were raised.
/// </summary>
public sealed partial class HealthMonitorScheduleTests
{
    [Fact]
    public void CheckFailed_AfterReady_CountsEachFailure_AndOnlyTheThirdMakesTheEngineUnhealthy()
    {
        ReadyThenTick();

        _probe.Answer(HeldProbe.TimedOut);
        _heard.Should().Equal("Ready", "failed 1 of 3: timed out after 2000 ms");
        _time.Advance(Interval);
        _probe.Answer(HeldProbe.Failing);
        _heard.Should().Equal("Ready", "failed 1 of 3: timed out after 2000 ms", "failed 2 of 3: HTTP 503");
        _time.Advance(Interval);
        _probe.Answer(HeldProbe.Failing);

        _heard.Should().Equal("Ready", "failed 1 of 3: timed out after 2000 ms", "failed 2 of 3: HTTP 503", "Unhealthy", "failed 3 of 3: HTTP 503");
    }

    [Fact]
    public void CheckFailed_AtTheThreshold_IsHeardAfterTheUnhealthyVerdict_AndSaysItMadeTheEngineUnhealthy()
    {
        var failures = new List<HealthCheckFailure>();
        _monitor.CheckFailed += (_, failure) => failures.Add(failure);
        ReadyThenTick();

        for (var check = 0; check < 3; check++)
        {
            _probe.Answer(HeldProbe.Failing);
            _time.Advance(Interval);
        }

        failures.Select(f => f.MadeUnhealthy).Should().Equal(false, false, true);
        _heard[^2..].Should().Equal(["Unhealthy", "failed 3 of 3: HTTP 503"], "who hears of the failure hears of its verdict first");
    }

    [Fact]
    public void CheckFailed_AHealthyCheck_StartsTheCountAgain()
    {
        ReadyThenTick();

        foreach (var answer in new[] { HeldProbe.Failing, HeldProbe.Failing, HeldProbe.Healthy, HeldProbe.Failing })
        {
            _probe.Answer(answer);
            _time.Advance(Interval);
        }

        _heard.Should().Equal("Ready", "failed 1 of 3: HTTP 503", "failed 2 of 3: HTTP 503", "failed 1 of 3: HTTP 503");
    }

    [Fact]
    public void CheckFailed_BeforeReady_IsNotRaised()
    {
        HearFailures();
        _monitor.Watch(Endpoint);

        for (var check = 0; check < 5; check++)
        {
            _probe.Answer(HeldProbe.Failing);
            _time.Advance(Interval);
        }

        _heard.Should().BeEmpty("failures before the engine is ready count towards the startup timeout");
    }

    [Fact]
    public void CheckFailed_AfterDispose_IsNotRaised()
    {
        ReadyThenTick();

        _monitor.Dispose();
        _probe.Answer(HeldProbe.Failing);

        _heard.Should().Equal("Ready");
    }

    /// <summary>Hears failures; the engine answers its first check; the next tick's check is in flight.</summary>
    private void ReadyThenTick()
    {
        HearFailures();
        _monitor.Watch(Endpoint);
        _probe.Answer(HeldProbe.Healthy);
        _time.Advance(Interval);
    }

    private void HearFailures() => _monitor.CheckFailed += (_, f) => _heard.Add($"failed {f.ConsecutiveFailures} of {f.FailureThreshold}: {f.Result.Error}");
}
