using FluentAssertions;
using Runtime.Supervision.Backoff;
using Runtime.Supervision.Crashes;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.Backoff;

/// <summary>Rules found unpinned by mutation testing (docs/mutation.md): manual resets, disposal, timers and a broken random source.</summary>
public sealed class RestartBackoffRulesTests
{
    private readonly TimerCountingTimeProvider _time = new();

    [Fact]
    public void Reset_AfterCrashes_AnnouncesWhatItForgets()
    {
        var (backoff, resets) = Watched(_time);
        using var _ = backoff;
        backoff.RecordCrash(CrashReason.Signal);
        backoff.RecordCrash(CrashReason.Signal);

        backoff.Reset();

        resets.Should().Equal(new BackoffReset("gpu-0", 2, _time.GetUtcNow(), "manual"));
        backoff.RecordCrash(CrashReason.Signal).CrashCount.Should().Be(1);
    }

    [Fact]
    public void Reset_WithNothingToForget_AnnouncesNothing()
    {
        var (backoff, resets) = Watched(_time);
        using var _ = backoff;

        backoff.Reset();

        resets.Should().BeEmpty();
    }

    [Fact]
    public void RecordStarted_AfterDispose_IsRefused()
    {
        var backoff = new RestartBackoff("gpu-0", null, _time, () => 0.5);
        backoff.Dispose();
        backoff.Dispose();

        backoff.Invoking(b => b.RecordStarted()).Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Dispose_AfterManyRuns_LeavesNoTimer()
    {
        var backoff = new RestartBackoff("gpu-0", null, _time, () => 0.5);
        for (var i = 0; i < 3; i++)
        {
            backoff.RecordStarted();
            _time.Advance(TimeSpan.FromSeconds(10));
            backoff.RecordCrash(CrashReason.Signal);
        }

        backoff.Dispose();

        _time.LiveTimers.Should().Be(0);
    }

    [Fact]
    public void ARandomSourceGivingNaN_AddsNoJitter()
    {
        using var backoff = new RestartBackoff("gpu-0", null, _time, () => 0.5);

        backoff.ComputeDelay(3, CrashReason.Signal, double.NaN).Should().Be(backoff.ComputeDelay(3, CrashReason.Signal, 0.5));
    }

    [Fact]
    public void ACrashAfterAStableRunWhoseTimerIsLate_AnnouncesTheStableReset()
    {
        var time = new LateTimeProvider(TimeSpan.FromHours(1));
        var (backoff, resets) = Watched(time);
        using var _ = backoff;
        backoff.RecordCrash(CrashReason.Signal);
        backoff.RecordCrash(CrashReason.Signal);
        backoff.RecordStarted();
        time.Advance(TimeSpan.FromSeconds(310));

        var decision = backoff.RecordCrash(CrashReason.Signal);

        resets.Should().Equal(new BackoffReset("gpu-0", 2, time.GetUtcNow(), "stable"));
        decision.CrashCount.Should().Be(1, "the run was stable, though its timer has not fired yet");
    }

    /// <summary>A backoff of pool gpu-0 with no jitter, and the resets it announces.</summary>
    private static (RestartBackoff Backoff, List<BackoffReset> Resets) Watched(TimeProvider time)
    {
        var backoff = new RestartBackoff("gpu-0", null, time, () => 0.5);
        var resets = new List<BackoffReset>();
        backoff.DelayReset += (_, r) => resets.Add(r);
        return (backoff, resets);
    }
}
