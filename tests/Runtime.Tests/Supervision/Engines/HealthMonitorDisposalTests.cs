using FluentAssertions;
using Runtime.Supervision.Engines;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.Engines;

/// <summary>No probe outlives its monitor, and a probe's own fault is a failed check, never a monitor that stops probing.</summary>
public sealed class HealthMonitorDisposalTests
{
    private static readonly Uri Endpoint = new("http://127.0.0.1:5000/");
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly TimerCountingTimeProvider _time = new();
    private readonly List<HealthVerdict> _verdicts = [];

    [Fact]
    public async Task DisposeAsync_WithAProbeInFlight_CancelsItAndReturnsOnceItHasEnded()
    {
        var probe = new HeldProbe();
        var monitor = NewMonitor(probe.ProbeAsync);
        monitor.Watch(Endpoint);

        var disposing = monitor.DisposeAsync().AsTask();

        probe.LatestToken.IsCancellationRequested.Should().BeTrue("disposal cancels the probe in flight");
        disposing.IsCompleted.Should().BeFalse("the probe in flight has not ended yet");
        probe.Answer(HeldProbe.Healthy);
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));
        _verdicts.Should().BeEmpty("no verdict follows disposal");
    }

    [Fact]
    public async Task DisposeAsync_OnTheCallersContext_NeverResumesOnIt()
    {
        var probe = new HeldProbe();
        var monitor = NewMonitor(probe.ProbeAsync);
        monitor.Watch(Endpoint);
        var context = new CountingContext();

        var disposing = context.StartOn(() => monitor.DisposeAsync().AsTask());
        probe.Answer(HeldProbe.Healthy);
        await disposing.WaitAsync(TimeSpan.FromSeconds(10));

        context.Posts.Should().Be(0, "a library that resumes on its caller's context deadlocks a caller that blocks on it");
    }

    [Fact]
    public async Task DisposeAsync_WithNoProbeInFlight_ReturnsAtOnce_AndTwiceIsSafe()
    {
        var probe = new HeldProbe();
        var monitor = NewMonitor(probe.ProbeAsync);
        monitor.Watch(Endpoint);
        probe.Answer(HeldProbe.Healthy);

        monitor.DisposeAsync().IsCompleted.Should().BeTrue();
        await monitor.DisposeAsync();
    }

    [Fact]
    public void AProbeThatThrows_IsAFailedCheck_AndTheNextTickProbesAgain()
    {
        var calls = 0;
        var failures = new List<HealthCheckFailure>();
        using var monitor = NewMonitor((_, _) => ++calls == 2
            ? throw new InvalidOperationException("the probe's own fault")
            : Task.FromResult(HeldProbe.Healthy));
        monitor.CheckFailed += (_, failure) => failures.Add(failure);
        monitor.Watch(Endpoint);

        _time.Advance(Interval);
        _time.Advance(Interval);

        calls.Should().Be(3, "a probe that threw does not stop the schedule");
        failures.Should().ContainSingle().Which.Result.Error.Should().Be("the probe failed: the probe's own fault");
        _verdicts.Should().Equal(HealthVerdict.Ready);
    }

    private HealthMonitor NewMonitor(Func<Uri, CancellationToken, Task<HealthProbeResult>> probe) => new(
        new HealthProbeOptions { TimeProvider = _time, Interval = Interval, StartupTimeout = TimeSpan.FromSeconds(60), FailureThreshold = 3 },
        probe,
        (verdict, _) => _verdicts.Add(verdict));
}
