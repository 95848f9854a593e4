using FluentAssertions;
using Runtime.Supervision.Backoff;
using Runtime.Supervision.Crashes;
using Xunit;

namespace Runtime.Tests.Supervision.Backoff;

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
        { o => o.JitterFactor = 1.0, "RestartBackoffOptions.JitterFactor must be at least 0 and below 1; it was 1." },
        { o => o.StableResetAfter = TimeSpan.FromSeconds(-1), "RestartBackoffOptions.StableResetAfter must be positive; it was -00:00:01." },
        { o => o.ReasonMultipliers[CrashReason.OutOfMemory] = 0, "RestartBackoffOptions.ReasonMultipliers[out_of_memory] must be a finite positive number; it was 0." },
        { o => o.ReasonMultipliers = null!, "RestartBackoffOptions.ReasonMultipliers must not be null." },
        { o => o.MinimumDelay = TimeSpan.FromTicks(-1), "RestartBackoffOptions.MinimumDelay must be between zero and MaxDelay (00:01:00); it was -00:00:00.0000001." },
        { o => o.Multiplier = double.NaN, "RestartBackoffOptions.Multiplier must be a finite number of at least 1; it was NaN." },
        { o => o.Multiplier = double.PositiveInfinity, "RestartBackoffOptions.Multiplier must be a finite number of at least 1; it was Infinity." },
        { o => o.StableResetAfter = TimeSpan.Zero, "RestartBackoffOptions.StableResetAfter must be positive; it was 00:00:00." },
        { o => (o.InitialDelay, o.MaxDelay) = (TimeSpan.FromDays(50), TimeSpan.FromDays(50)), "RestartBackoffOptions.InitialDelay must be at most 49.7 days*" },
        { o => o.MaxDelay = TimeSpan.FromDays(50), "RestartBackoffOptions.MaxDelay must be at most 49.7 days*" },
        { o => o.StableResetAfter = TimeSpan.FromDays(50), "RestartBackoffOptions.StableResetAfter must be at most 49.7 days*" },
    };

    public static TheoryData<Action<RestartBackoffOptions>> EdgesThatHold => new()
    {
        o => o.MaxDelay = o.InitialDelay,
        o => o.MinimumDelay = TimeSpan.Zero,
        o => o.MinimumDelay = o.MaxDelay,
        o => o.Multiplier = 1.0,
        o => o.StableResetAfter = TimeSpan.FromTicks(1),
    };

    [Theory]
    [MemberData(nameof(EdgesThatHold))]
    public void Validate_TheEdgeOfEachRange_IsAccepted(Action<RestartBackoffOptions> edge)
    {
        var options = new RestartBackoffOptions();
        edge(options);

        options.Invoking(o => o.Validate()).Should().NotThrow();
    }

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
