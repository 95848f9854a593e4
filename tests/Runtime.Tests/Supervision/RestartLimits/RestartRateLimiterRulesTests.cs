using FluentAssertions;
using Runtime.Supervision.Crashes;
using Runtime.Supervision.RestartLimits;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.RestartLimits;

/// <summary>Rules found unpinned by mutation testing (docs/mutation.md): a storm's dominant reason, resets, refusals and disposal.</summary>
public sealed class RestartRateLimiterRulesTests : IDisposable
{
    private static readonly RestartRateLimiterOptions FourRestarts = new() { MaxRestarts = 4, WarningThreshold = 3 };
    private readonly TimerCountingTimeProvider _time = new();
    private readonly RecordingLogger _logger = new();
    private readonly RestartRateLimiter _limiter;

    public RestartRateLimiterRulesTests() => _limiter = new RestartRateLimiter("gpu-0", FourRestarts, _time, _logger);

    public void Dispose() => _limiter.Dispose();

    [Fact]
    public void Storm_TiedReasons_TheMostRecentDominates()
    {
        Restart(CrashReason.OutOfMemory, CrashReason.OutOfMemory, CrashReason.DriverError, CrashReason.DriverError);

        var refused = _limiter.TryRecordRestart(CrashReason.Signal);

        refused.Storm!.Value.DominantReason.Should().Be(CrashReason.DriverError, "out of memory and driver errors tie, and the driver errors came last");
    }

    [Fact]
    public void Storm_TheRefusedCrashCounts()
    {
        Restart(CrashReason.OutOfMemory, CrashReason.OutOfMemory, CrashReason.Signal, CrashReason.DriverError);

        var refused = _limiter.TryRecordRestart(CrashReason.Signal);

        refused.Storm!.Value.DominantReason.Should().Be(CrashReason.Signal, "with the refused one, signals tie out of memory and are the most recent");
    }

    [Fact]
    public void ARefusal_IsLogged_AnAllowedRestartIsNot()
    {
        Restart(CrashReason.Signal, CrashReason.Signal, CrashReason.Signal, CrashReason.Signal);
        _logger.WithEvent(RestartLimitConstants.RefusedEventName).Should().BeEmpty();

        _limiter.TryRecordRestart(CrashReason.Signal);

        _logger.WithEvent(RestartLimitConstants.RefusedEventName).Should().ContainSingle()
            .Which.Fields.Should().Contain(new Dictionary<string, object?> { ["PoolId"] = "gpu-0", ["RestartCount"] = 4 });
    }

    [Fact]
    public void AManualReset_IsLoggedWithWhatItCleared_AndAllowsTheNextStorm()
    {
        Restart(CrashReason.Signal, CrashReason.Signal, CrashReason.Signal, CrashReason.Signal);
        _limiter.TryRecordRestart(CrashReason.Signal).Storm.Should().NotBeNull();

        _limiter.Reset();
        Restart(CrashReason.Signal, CrashReason.Signal, CrashReason.Signal, CrashReason.Signal);

        _limiter.TryRecordRestart(CrashReason.Signal).Storm.Should().NotBeNull("the reset ended the first storm, so this is a new one");
        ResetLog().Should().Equal(("manual", 4));
    }

    [Fact]
    public void AResetWithNothingToClear_IsNotLogged()
    {
        _limiter.Reset();

        ResetLog().Should().BeEmpty();
    }

    [Fact]
    public void AStableRun_ClearsTheCountWhenItsTimeIsUp()
    {
        Restart(CrashReason.Signal, CrashReason.Signal);
        _limiter.RecordStarted();

        _time.Advance(FourRestarts.StableResetAfter);

        _limiter.RestartCount.Should().Be(0);
        ResetLog().Should().Equal(("stable", 2));
    }

    [Fact]
    public void AStableRunWhoseTimerFiresLate_StillClearsTheCount()
    {
        var time = new LateTimeProvider(TimeSpan.FromSeconds(1));
        using var limiter = new RestartRateLimiter("gpu-0", FourRestarts, time, _logger);
        limiter.TryRecordRestart(CrashReason.Signal);
        limiter.RecordStarted();

        time.Advance(FourRestarts.StableResetAfter + TimeSpan.FromSeconds(1));

        limiter.RestartCount.Should().Be(0);
    }

    [Fact]
    public void Disposed_RefusesUseAndLeavesNoTimer()
    {
        for (var i = 0; i < 3; i++)
        {
            _limiter.RecordStarted();
            _limiter.TryRecordRestart(CrashReason.Signal);
        }

        _limiter.Dispose();
        _limiter.Dispose();

        _time.LiveTimers.Should().Be(0);
        _limiter.Invoking(l => l.RecordStarted()).Should().Throw<ObjectDisposedException>();
        _limiter.Invoking(l => l.TryRecordRestart(CrashReason.Signal)).Should().Throw<ObjectDisposedException>();
    }

    private void Restart(params CrashReason[] reasons)
    {
        foreach (var reason in reasons)
        {
            _limiter.TryRecordRestart(reason).IsAllowed.Should().BeTrue();
        }
    }

    private IEnumerable<(object? Cause, object? Cleared)> ResetLog() =>
        _logger.WithEvent(RestartLimitConstants.ResetEventName).Select(e => (e.Fields["Cause"], e.Fields["RestartCount"]));
}
