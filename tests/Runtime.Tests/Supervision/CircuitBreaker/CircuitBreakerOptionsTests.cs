using FluentAssertions;
using Runtime.Supervision.CircuitBreaker;
using Runtime.Supervision.Crashes;
using Xunit;

namespace Runtime.Tests.Supervision.CircuitBreaker;

public sealed class CircuitBreakerOptionsTests
{
    [Fact]
    public void Defaults_MatchTheSupervisionRules()
    {
        var options = new CircuitBreakerOptions();

        options.FailureThreshold.Should().Be(5);
        options.OpenDuration.Should().Be(TimeSpan.FromSeconds(300));
        options.MaxOpenDuration.Should().Be(TimeSpan.FromHours(1));
        options.OpenDurationMultiplier.Should().Be(2.0);
        options.StableRunDuration.Should().Be(TimeSpan.FromSeconds(60));
        options.SeparateCircuitReasons.Should().BeEmpty();
        options.Invoking(o => o.Validate()).Should().NotThrow();
    }

    public static TheoryData<Action<CircuitBreakerOptions>, string> InvalidOptions => new()
    {
        { o => o.FailureThreshold = 0, "CircuitBreakerOptions.FailureThreshold must be at least 1; it was 0." },
        { o => o.OpenDuration = TimeSpan.Zero, "CircuitBreakerOptions.OpenDuration must be positive; it was 00:00:00." },
        { o => o.MaxOpenDuration = TimeSpan.FromSeconds(299), "CircuitBreakerOptions.MaxOpenDuration must be at least OpenDuration (00:05:00); it was 00:04:59." },
        { o => o.OpenDurationMultiplier = 0.9, "CircuitBreakerOptions.OpenDurationMultiplier must be a finite number of at least 1; it was 0.9." },
        { o => o.StableRunDuration = TimeSpan.Zero, "CircuitBreakerOptions.StableRunDuration must be positive; it was 00:00:00." },
        { o => o.SeparateCircuitReasons.Add(CrashReason.GracefulExit), "CircuitBreakerOptions.SeparateCircuitReasons must not contain graceful_exit: a graceful exit is never a failure." },
        { o => o.SeparateCircuitReasons = null!, "CircuitBreakerOptions.SeparateCircuitReasons must not be null." },
        { o => o.OpenDurationMultiplier = double.PositiveInfinity, "CircuitBreakerOptions.OpenDurationMultiplier must be a finite number of at least 1; it was Infinity." },
        { o => o.OpenDurationMultiplier = double.NaN, "CircuitBreakerOptions.OpenDurationMultiplier must be a finite number of at least 1; it was NaN." },
        { o => o.OpenDuration = TimeSpan.FromDays(50), "CircuitBreakerOptions.OpenDuration must be at most 49.7 days*" },
        { o => (o.OpenDuration, o.MaxOpenDuration) = (TimeSpan.FromSeconds(1), TimeSpan.FromDays(50)), "CircuitBreakerOptions.MaxOpenDuration must be at most 49.7 days*" },
        { o => o.StableRunDuration = TimeSpan.FromDays(50), "CircuitBreakerOptions.StableRunDuration must be at most 49.7 days*" },
    };

    public static TheoryData<Action<CircuitBreakerOptions>> EdgesThatHold => new()
    {
        o => o.FailureThreshold = 1,
        o => o.OpenDuration = o.MaxOpenDuration,
        o => o.OpenDurationMultiplier = 1.0,
        o => o.OpenDuration = TimeSpan.FromTicks(1),
        o => o.StableRunDuration = TimeSpan.FromTicks(1),
    };

    [Theory]
    [MemberData(nameof(EdgesThatHold))]
    public void Validate_TheEdgeOfEachRange_IsAccepted(Action<CircuitBreakerOptions> edge)
    {
        var options = new CircuitBreakerOptions();
        edge(options);

        options.Invoking(o => o.Validate()).Should().NotThrow();
    }

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_InvalidOption_NamesTheOptionAndTheValue(Action<CircuitBreakerOptions> spoil, string message)
    {
        var options = new CircuitBreakerOptions();
        spoil(options);

        options.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage(message);
    }
}
