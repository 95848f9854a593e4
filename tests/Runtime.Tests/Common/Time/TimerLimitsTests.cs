using FluentAssertions;
using Runtime.Supervision.Backoff;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision.RestartLimits;
using Runtime.Supervision;
using Runtime.Common.Time;
using Xunit;

namespace Runtime.Tests.Common.Time;

/// <summary>
/// Durations a timer cannot wait (over about 49.7 days) are refused when the options are validated, naming the option,
/// instead of passing and leaving a pool stuck when the timer is made.
/// </summary>
public sealed class TimerLimitsTests
{
    private static readonly TimeSpan TooLong = TimeSpan.FromDays(50);

    public static TheoryData<string, Action> TooLongDurations() => new()
    {
        { "CircuitBreakerOptions.OpenDuration", () => new CircuitBreakerOptions { OpenDuration = TooLong, MaxOpenDuration = TooLong }.Validate() },
        { "CircuitBreakerOptions.StableRunDuration", () => new CircuitBreakerOptions { StableRunDuration = TooLong }.Validate() },
        { "RestartRateLimiterOptions.Window", () => new RestartRateLimiterOptions { Window = TooLong }.Validate() },
        { "RestartRateLimiterOptions.StableResetAfter", () => new RestartRateLimiterOptions { StableResetAfter = TooLong }.Validate() },
        { "HealthProbeOptions.StartupTimeout", () => new HealthProbeOptions { StartupTimeout = TooLong }.Validate() },
        { "RestartBackoffOptions.StableResetAfter", () => new RestartBackoffOptions { StableResetAfter = TooLong }.Validate() },
        { "RestartBackoffOptions.MaxDelay", () => new RestartBackoffOptions { MaxDelay = TooLong }.Validate() },
        { "SupervisorOptions.StopGracePeriod", () => new SupervisorOptions { StopGracePeriod = TooLong }.Validate() },
    };

    [Theory]
    [MemberData(nameof(TooLongDurations))]
    public void Validate_DurationLongerThanATimerWaits_IsRefusedNamingTheOption(string name, Action validate)
    {
        validate.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(name);
    }

    [Fact]
    public void Check_TheLongestWait_IsAccepted()
    {
        var act = () => TimerLimits.Check(TimerLimits.Max, "x");

        act.Should().NotThrow();
        TimerLimits.Max.TotalDays.Should().BeApproximately(49.7, 0.05);
    }

    [Fact]
    public void Max_IsExactlyTheLongestWaitATimerAccepts()
    {
        using var longest = TimeProvider.System.CreateTimer(_ => { }, null, TimerLimits.Max, Timeout.InfiniteTimeSpan);
        var longer = () => TimeProvider.System.CreateTimer(_ => { }, null, TimerLimits.Max + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);

        longer.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Check_TooLong_SaysTheLimitAndTheValue()
    {
        var act = () => TimerLimits.Check(TooLong, "DrainOptions.Deadline");

        act.Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("DrainOptions.Deadline must be at most 49.7 days (the longest a timer waits), got 50.00:00:00.*");
    }

    [Fact]
    public void PoolRegistryOptions_MoreLeaseSlotsThanTheLimit_AreRefused()
    {
        var act = () => new PoolRegistry(new PoolRegistryOptions { MaxLeasesPerPool = int.MaxValue });

        act.Should().Throw<ArgumentException>().WithMessage("*MaxLeasesPerPool must be at most 1048576*");
    }
}
