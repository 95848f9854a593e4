using FluentAssertions;
using Runtime.Supervision.Engines;
using Xunit;

namespace Runtime.Tests.Supervision.Engines;

public sealed class SignalsTests
{
    [Theory]
    [InlineData(Signals.SIGSEGV, "SIGSEGV")]
    [InlineData(Signals.SIGKILL, "SIGKILL")]
    [InlineData(Signals.SIGABRT, "SIGABRT")]
    [InlineData(42, "SIG42")]
    public void Name_Number_IsTheConventionalName(int signal, string name) => Signals.Name(signal).Should().Be(name);

    [Theory]
    [InlineData("SIGTERM", Signals.SIGTERM)]
    [InlineData("segv", Signals.SIGSEGV)]
    public void Number_Name_IsFound(string name, int signal) => Signals.Number(name).Should().Be(signal);

    [Fact]
    public void Number_UnknownName_IsNull() => Signals.Number("SIGWHAT").Should().BeNull();

    [Theory]
    [InlineData(139, null, Signals.SIGSEGV)]
    [InlineData(137, null, Signals.SIGKILL)]
    [InlineData(3, 3, null)]
    [InlineData(200, 200, null)]
    public void FromDotNetExitCode_Code_IsInferredHonestly(int code, int? exitCode, int? signal)
    {
        var exit = EngineExit.FromDotNetExitCode(code);

        exit.ExitCode.Should().Be(exitCode);
        exit.Signal.Should().Be(signal);
        exit.Source.Should().Be(ExitStatusSource.ExitCodeInference);
    }

    [Fact]
    public void Send_ProcessGone_ReturnsFalse() => SignalSender.Send(int.MaxValue - 1, Signals.SIGTERM).Should().BeFalse();
}
