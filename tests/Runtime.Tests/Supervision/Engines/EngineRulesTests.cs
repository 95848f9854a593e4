using FluentAssertions;
using Runtime.Supervision.Engines;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.Engines;

/// <summary>Rules found unpinned by mutation testing (docs/mutation.md): exits and their texts, signal names, options and refused arguments.</summary>
public sealed class EngineRulesTests
{
    /// <summary>kill(2)'s signal 0: checks that the process exists and may be signalled, and sends nothing.</summary>
    private const int NullSignal = 0;

    [Fact]
    public void Exits_CarryTheirStatusAndReadAsSentences()
    {
        EngineExit.Exited(3).Should().Match<EngineExit>(e => e.ExitCode == 3 && e.Signal == null && !e.CoreDumped && e.RawExitCode == 3);
        EngineExit.Killed(Signals.SIGSEGV, coreDumped: true).Should().Match<EngineExit>(e =>
            e.Signal == Signals.SIGSEGV && e.CoreDumped && e.RawExitCode == 128 + Signals.SIGSEGV && e.ExitCode == null);
        EngineExit.Exited(3).ToString().Should().Be("exit code 3");
        EngineExit.Killed(Signals.SIGKILL).ToString().Should().Be("killed by SIGKILL");
        new EngineExitedException(42, EngineExit.Exited(1)).Message.Should().Be("engine process 42 ended (exit code 1) before reporting its endpoint");
    }

    [Fact]
    public void ADotNetExitCodeOf128_IsAPlainExit() =>
        EngineExit.FromDotNetExitCode(128).Should().Match<EngineExit>(e => e.ExitCode == 128 && e.Signal == null);

    [Fact]
    public void Signals_HaveTheirNames()
    {
        new[] { Signals.SIGHUP, Signals.SIGINT, Signals.SIGQUIT, Signals.SIGILL, Signals.SIGABRT, Signals.SIGBUS, Signals.SIGFPE, Signals.SIGKILL }
            .Select(Signals.Name).Should().Equal("SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL");
        FluentActions.Invoking(() => Signals.Number(null!)).Should().Throw<ArgumentNullException>().WithParameterName("name");
        // kill(0, …) signals this whole process group and kill(-1, …) every process it may: without the check, a real
        // signal here would end the test run itself (and its runner, silently). The null signal (0) only asks whether
        // the process exists, so a missing check fails this assertion and harms nothing.
        FluentActions.Invoking(() => SignalSender.Send(0, NullSignal)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("pid");
        FluentActions.Invoking(() => SignalSender.Send(-1, NullSignal)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("pid");
    }

    [Fact]
    public void ALaunchRequest_NeedsACommandAndArguments()
    {
        FluentActions.Invoking(() => new EngineLaunchRequest(" ", [])).Should().Throw<ArgumentException>().WithParameterName("command");
        FluentActions.Invoking(() => new EngineLaunchRequest("serve", null!)).Should().Throw<ArgumentNullException>().WithParameterName("arguments");
        new EngineLaunchRequest("serve", ["--port", "0"]).ToString().Should().Be("serve --port 0");
        using var launcher = new EngineLauncher();
        FluentActions.Invoking(() => launcher.Start(null!)).Should().Throw<ArgumentNullException>().WithParameterName("request");
    }

    [Fact]
    public void LauncherOptions_KillEnginesWithTheirOwnerByDefault_AndAreChecked()
    {
        new EngineLauncherOptions().KillEnginesWithOwner.Should().BeTrue("no engine may outlive the process that started it");
        FluentActions.Invoking(() => new EngineLauncherOptions { DisposeWait = TimeSpan.FromDays(100) }.Validate()).Should()
            .Throw<ArgumentOutOfRangeException>().WithParameterName("EngineLauncherOptions.DisposeWait");
        FluentActions.Invoking(() => new EngineLauncherOptions { TimeProvider = null! }.Validate()).Should()
            .Throw<ArgumentNullException>().WithParameterName("TimeProvider");
    }

    public static TheoryData<string, Action<HealthProbeOptions>> BadProbeOptions => new()
    {
        { "HealthProbeOptions.Interval", o => o.Interval = TimeSpan.FromDays(100) },
        { "HealthProbeOptions.Timeout", o => o.Timeout = TimeSpan.FromDays(100) },
        { "Interval", o => o.Interval = TimeSpan.Zero },
        { "Timeout", o => o.Timeout = TimeSpan.Zero },
        { "StartupTimeout", o => o.StartupTimeout = TimeSpan.Zero },
        { "TimeProvider", o => o.TimeProvider = null! },
    };

    [Theory]
    [MemberData(nameof(BadProbeOptions))]
    public void ProbeOptions_OutOfRange_AreRefusedNamingTheOption(string name, Action<HealthProbeOptions> spoil)
    {
        var options = new HealthProbeOptions();
        spoil(options);

        FluentActions.Invoking(options.Validate).Should().Throw<ArgumentException>().WithParameterName(name);
    }

    [Fact]
    public void ProbeOptions_Edges_AreAccepted()
    {
        FluentActions.Invoking(new HealthProbeOptions { FailureThreshold = 1, Interval = TimeSpan.FromTicks(1) }.Validate).Should().NotThrow();
        FluentActions.Invoking(new HealthProbeOptions { Interval = TimeSpan.Zero }.Validate).Should().Throw<ArgumentException>()
            .WithMessage("HealthProbeOptions.Interval must be positive, got 00:00:00.*");
    }

    [Fact]
    public void AHealthMonitorAndAProbe_RefuseBadArguments()
    {
        using var probe = new HealthProbe(TimeSpan.FromSeconds(1));
        FluentActions.Invoking(() => new HealthMonitor(null!, probe, (_, _) => { })).Should().Throw<ArgumentNullException>().WithParameterName("options");
        FluentActions.Invoking(() => new HealthMonitor(new HealthProbeOptions { FailureThreshold = 0, TimeProvider = TestClock.New() }, probe, (_, _) => { }))
            .Should().Throw<ArgumentException>().WithParameterName("FailureThreshold");
        using var monitor = new HealthMonitor(new HealthProbeOptions { TimeProvider = TestClock.New() }, probe, (_, _) => { });
        FluentActions.Invoking(() => monitor.Watch(null!)).Should().Throw<ArgumentNullException>().WithParameterName("endpoint");
        FluentActions.Invoking(() => new HealthProbe(TimeSpan.Zero)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("timeout");
    }

    [Theory]
    [InlineData(null, "timed out after 2000 ms", true)]
    [InlineData(null, "connection refused", false)]
    [InlineData(503, "timed out after 2000 ms", false)]
    [InlineData(null, null, false)]
    public void AProbeTimedOut_OnlyWhenNoAnswerCameInTime(int? status, string? error, bool timedOut) =>
        new HealthProbeResult(false, status, error).TimedOut.Should().Be(timedOut);
}
