using FluentAssertions;
using Runtime.Supervision.Crashes;
using Xunit;

namespace Runtime.Tests.Supervision.Crashes;

public sealed class CrashReasonTests
{
    [Theory]
    [InlineData(CrashReason.GracefulExit, "graceful_exit")]
    [InlineData(CrashReason.ProcessExit, "process_exit")]
    [InlineData(CrashReason.Signal, "signal")]
    [InlineData(CrashReason.OutOfMemory, "out_of_memory")]
    [InlineData(CrashReason.DriverError, "driver_error")]
    [InlineData(CrashReason.HealthCheckFailure, "health_check_failure")]
    [InlineData(CrashReason.StartupFailure, "startup_failure")]
    public void GetName_EveryReason_HasItsStableNameAndParsesBack(CrashReason reason, string name)
    {
        CrashReasonNames.GetName(reason).Should().Be(name);
        CrashReasonNames.TryParse(name, out var parsed).Should().BeTrue();
        parsed.Should().Be(reason);
    }

    [Fact]
    public void TryParse_UnknownName_Fails()
    {
        CrashReasonNames.TryParse("Out_Of_Memory", out _).Should().BeFalse();
    }

    [Fact]
    public void GetName_AnUndefinedReason_IsRefused() =>
        FluentActions.Invoking(() => CrashReasonNames.GetName((CrashReason)99)).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("reason").WithMessage("Unknown crash reason.*");
}
