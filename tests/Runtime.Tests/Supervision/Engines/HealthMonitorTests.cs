using FluentAssertions;
using Runtime.Supervision.Engines;
using Microsoft.Extensions.Time.Testing;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.Engines;

public sealed class HealthMonitorTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider _time = TestClock.New();
    private readonly HealthProbe _probe = new(TimeSpan.FromSeconds(1));
    private readonly EngineLauncher _launcher = new();
    private readonly List<HealthVerdict> _verdicts = [];
    private readonly TaskCompletionSource<HealthVerdict> _verdict = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Dispose()
    {
        _probe.Dispose();
        _launcher.Dispose();
    }

    [Fact]
    public void StartupTimeout_NeverWatched_ReportsStartupTimedOutOnce()
    {
        using var monitor = Monitor();

        _time.Advance(TimeSpan.FromSeconds(59));
        _verdicts.Should().BeEmpty();
        _time.Advance(TimeSpan.FromSeconds(120));

        _verdicts.Should().Equal(HealthVerdict.StartupTimedOut);
    }

    [Fact]
    public void Dispose_BeforeTheStartupTimeout_ReportsNothing()
    {
        var monitor = Monitor();

        monitor.Dispose();
        _time.Advance(TimeSpan.FromMinutes(5));

        _verdicts.Should().BeEmpty();
    }

    [Fact]
    public async Task Watch_HealthyEngine_IsReadyAndOutlivesTheStartupTimeout()
    {
        using var monitor = Monitor();
        var endpoint = await _launcher.Start(EngineStubCommand.Request()).Listening.WaitAsync(Bound);

        monitor.Watch(endpoint);
        (await _verdict.Task.WaitAsync(Bound)).Should().Be(HealthVerdict.Ready);
        _time.Advance(TimeSpan.FromSeconds(60));

        lock (_verdicts)
        {
            _verdicts.Should().Equal(HealthVerdict.Ready);
        }
    }

    [Fact]
    public async Task Watch_EngineHangsAfterReady_ThreeTicksMakeItUnhealthy()
    {
        using var monitor = Monitor();
        var engine = _launcher.Start(EngineStubCommand.Request());
        monitor.Watch(await engine.Listening.WaitAsync(Bound));
        await _verdict.Task.WaitAsync(Bound);
        var unhealthy = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_verdicts)
        {
            _onVerdict = v => { if (v == HealthVerdict.Unhealthy) unhealthy.TrySetResult(); };
        }

        engine.WriteLine("hang");
        await StubHealth.UntilHung(await engine.Listening);
        _time.Advance(TimeSpan.FromSeconds(15));
        await unhealthy.Task.WaitAsync(Bound);

        monitor.ConsecutiveFailures.Should().Be(3);
    }

    [Fact]
    public void Options_ZeroThreshold_IsRejectedNamingIt()
    {
        var act = () => new HealthProbeOptions { FailureThreshold = 0 }.Validate();

        act.Should().Throw<ArgumentException>().WithMessage("HealthProbeOptions.FailureThreshold must be at least 1, got 0.*");
    }

    private Action<HealthVerdict>? _onVerdict;

    private HealthMonitor Monitor() => new(
        new HealthProbeOptions { TimeProvider = _time, Interval = TimeSpan.FromSeconds(5), StartupTimeout = TimeSpan.FromSeconds(60) },
        _probe,
        (v, _) =>
        {
            Action<HealthVerdict>? then;
            lock (_verdicts)
            {
                _verdicts.Add(v);
                then = _onVerdict;
            }

            _verdict.TrySetResult(v);
            then?.Invoke(v);
        });
}
