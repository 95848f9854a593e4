using FluentAssertions;
using Runtime.Supervision;
using Xunit;

namespace Runtime.Tests.Supervision;

public sealed class SupervisorOptionsTests
{
    public static TheoryData<string, Action<SupervisorOptions>> NullSubOptions() => new()
    {
        { "SupervisorOptions.Health", o => o.Health = null! },
        { "SupervisorOptions.CrashDetection", o => o.CrashDetection = null! },
        { "SupervisorOptions.Backoff", o => o.Backoff = null! },
        { "SupervisorOptions.CircuitBreaker", o => o.CircuitBreaker = null! },
        { "SupervisorOptions.RestartLimits", o => o.RestartLimits = null! },
    };

    [Theory]
    [MemberData(nameof(NullSubOptions))]
    public void Validate_NullSubOption_IsRefusedNamingIt(string name, Action<SupervisorOptions> clear)
    {
        var options = new SupervisorOptions();
        clear(options);

        var act = options.Validate;

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be(name, "a bare NullReferenceException would not say which option is missing");
    }

    public static TheoryData<string, Action<SupervisorOptions>> InvalidSubOptions() => new()
    {
        { "HealthProbeOptions.FailureThreshold", o => o.Health.FailureThreshold = 0 },
        { "CrashDetectionOptions.DriverErrorPatterns", o => o.CrashDetection.DriverErrorPatterns = [""] },
        { "RestartBackoffOptions.InitialDelay", o => o.Backoff.InitialDelay = TimeSpan.Zero },
        { "CircuitBreakerOptions.FailureThreshold", o => o.CircuitBreaker.FailureThreshold = 0 },
        { "RestartRateLimiterOptions.MaxRestarts", o => o.RestartLimits.MaxRestarts = 0 },
    };

    [Theory]
    [MemberData(nameof(InvalidSubOptions))]
    public void Validate_InvalidSubOption_IsRefusedNamingIt(string name, Action<SupervisorOptions> spoil)
    {
        var options = new SupervisorOptions();
        spoil(options);

        FluentActions.Invoking(options.Validate).Should().Throw<ArgumentException>().WithMessage($"{name} *");
    }

    [Fact]
    public void Validate_NoClock_IsRefusedNamingIt() =>
        FluentActions.Invoking(new SupervisorOptions { TimeProvider = null! }.Validate).Should()
            .Throw<ArgumentNullException>().WithParameterName("TimeProvider");

    [Fact]
    public void Validate_NoGracePeriod_IsAccepted() =>
        FluentActions.Invoking(new SupervisorOptions { StopGracePeriod = TimeSpan.Zero }.Validate).Should().NotThrow("a zero grace kills at once");
}
