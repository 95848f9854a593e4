using FluentAssertions;
using Runtime.Supervision.RestartLimits;
using Xunit;

namespace Runtime.Tests.Supervision.RestartLimits;

public sealed class RestartRateLimiterOptionsTests
{
    [Fact]
    public void Defaults_MatchTheSupervisionRules()
    {
        var options = new RestartRateLimiterOptions();

        options.MaxRestarts.Should().Be(10);
        options.Window.Should().Be(TimeSpan.FromSeconds(60));
        options.WarningThreshold.Should().Be(5);
        options.StableResetAfter.Should().Be(TimeSpan.FromSeconds(600));
        options.Invoking(o => o.Validate()).Should().NotThrow();
    }

    public static TheoryData<Action<RestartRateLimiterOptions>, string> InvalidOptions => new()
    {
        { o => o.MaxRestarts = 0, "RestartRateLimiterOptions.MaxRestarts must be at least 1; it was 0." },
        { o => o.Window = TimeSpan.Zero, "RestartRateLimiterOptions.Window must be positive; it was 00:00:00." },
        { o => o.WarningThreshold = 10, "RestartRateLimiterOptions.WarningThreshold must be at least 0 and below MaxRestarts (10); it was 10." },
        { o => o.WarningThreshold = -1, "RestartRateLimiterOptions.WarningThreshold must be at least 0 and below MaxRestarts (10); it was -1." },
        { o => o.StableResetAfter = TimeSpan.Zero, "RestartRateLimiterOptions.StableResetAfter must be positive; it was 00:00:00." },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_InvalidOption_NamesTheOptionAndTheValue(Action<RestartRateLimiterOptions> spoil, string message)
    {
        var options = new RestartRateLimiterOptions();
        spoil(options);

        options.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage(message);
    }
}
