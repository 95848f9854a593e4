using FluentAssertions;
using Runtime.Backoff;
using Runtime.Crashes;
using Xunit;

namespace Runtime.Tests.Backoff;

public sealed class RestartBackoffOptionsTests
{
    [Fact]
    public void Defaults_MatchTheSupervisionRules()
    {
        var options = new RestartBackoffOptions();

        options.InitialDelay.Should().Be(TimeSpan.FromSeconds(1));
        options.MaxDelay.Should().Be(TimeSpan.FromSeconds(60));
        options.MinimumDelay.Should().Be(TimeSpan.Zero);
        options.Multiplier.Should().Be(2.0);
        options.JitterFactor.Should().Be(0.1);
        options.StableResetAfter.Should().Be(TimeSpan.FromSeconds(300));
        options.ReasonMultipliers.Should().Equal(new Dictionary<CrashReason, double> { [CrashReason.DriverError] = 2.0 });
        options.Invoking(o => o.Validate()).Should().NotThrow();
    }

    public static TheoryData<Action<RestartBackoffOptions>, string> InvalidOptions => new()
    {
        { o => o.InitialDelay = TimeSpan.Zero, "RestartBackoffOptions.InitialDelay must be positive; it was 00:00:00." },
        { o => o.MaxDelay = TimeSpan.FromMilliseconds(500), "RestartBackoffOptions.MaxDelay must be at least InitialDelay (00:00:01); it was 00:00:00.5000000." },
        { o => o.MinimumDelay = TimeSpan.FromMinutes(2), "RestartBackoffOptions.MinimumDelay must be between zero and MaxDelay (00:01:00); it was 00:02:00." },
        { o => o.Multiplier = 0.5, "RestartBackoffOptions.Multiplier must be a finite number of at least 1; it was 0.5." },
        { o => o.JitterFactor = 1.0, "RestartBackoffOptions.JitterFactor must be in [0, 1); it was 1." },
        { o => o.StableResetAfter = TimeSpan.FromSeconds(-1), "RestartBackoffOptions.StableResetAfter must be positive; it was -00:00:01." },
        { o => o.ReasonMultipliers[CrashReason.OutOfMemory] = 0, "RestartBackoffOptions.ReasonMultipliers[out_of_memory] must be a finite positive number; it was 0." },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Validate_InvalidOption_NamesTheOptionAndTheValue(Action<RestartBackoffOptions> spoil, string message)
    {
        var options = new RestartBackoffOptions();
        spoil(options);

        options.Invoking(o => o.Validate()).Should().Throw<ArgumentException>().WithMessage(message);
    }

    [Fact]
    public void Constructor_InvalidOptions_Throws()
    {
        var act = () => new RestartBackoff("gpu-0", new RestartBackoffOptions { JitterFactor = -0.1 });

        act.Should().Throw<ArgumentException>().WithMessage("*JitterFactor*-0.1*");
    }
}
