using FluentAssertions;
using Runtime.Supervision.Engines;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.Engines;

/// <summary>
/// How an engine's end is read when .NET reaped it before <c>waitid</c> could read its status (a race lost now and then
/// under load, forced here): a plain exit the engine announced is still a plain exit, and anything else is read from
/// .NET's exit code alone (<see cref="ExitStatusSource"/>).
/// </summary>
public sealed class EngineExitFallbackTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AnAnnouncedExit_ReadsAsThatExit_EvenWhereItsCodeWouldNameASignal()
    {
        // exit(137) after the announcement: .NET reports 137 either way, and only the announcement tells it from SIGKILL.
        var exit = await EndWithoutWaitStatus("echo 'exiting with code 137'; exit 137");

        exit.Should().Be(new EngineExit(137, null, false, ExitStatusSource.ExitAnnouncement, 137));
    }

    [Fact]
    public async Task AnAnnouncementOfAnotherCode_IsNotBelieved()
    {
        var exit = await EndWithoutWaitStatus("echo 'exiting with code 3'; exit 4");

        exit.Should().Be(new EngineExit(4, null, false, ExitStatusSource.ExitCodeInference, 4));
    }

    [Fact]
    public async Task AnExitCodeAboveTheSignals_WithoutAnAnnouncement_IsReadAsTheSignal()
    {
        var exit = await EndWithoutWaitStatus("exit 137");

        exit.Should().Be(new EngineExit(null, Signals.SIGKILL, false, ExitStatusSource.ExitCodeInference, 137));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public async Task AnEngineThatAnnouncedNothing_ReadsAsAPlainExitInferredFromItsCode(int code)
    {
        // The announcement is unset until read: no default may pass for an announced code.
        var exit = await EndWithoutWaitStatus($"exit {code}");

        exit.Should().Be(new EngineExit(code, null, false, ExitStatusSource.ExitCodeInference, code));
    }

    [Fact]
    public async Task AKilledEngine_ReadsAsKilledBySignal()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var engine = Start("echo started; exec sleep 600", line => { if (line.Text == "started") started.TrySetResult(); });
        await started.Task.WaitAsync(Bound);

        engine.Signal(Signals.SIGKILL).Should().BeTrue();

        (await engine.Exited.WaitAsync(Bound)).Should().Be(
            new EngineExit(null, Signals.SIGKILL, false, ExitStatusSource.ExitCodeInference, 137));
    }

    private static async Task<EngineExit> EndWithoutWaitStatus(string script)
    {
        await using var engine = Start(script);
        return await engine.Exited.WaitAsync(Bound);
    }

    /// <summary>Starts a shell engine, tied to this process, whose wait status is never read: as when .NET reaps it first.</summary>
    private static EngineProcess Start(string script, Action<EngineOutputLine>? onOutput = null) => EngineProcess.Start(
        new EngineLaunchRequest("/bin/sh", ["-c", script]) { OnOutput = onOutput },
        TestClock.New(), killWithOwner: true, TimeSpan.FromSeconds(1),
        readWaitStatus: _ => Task.FromResult<EngineExit?>(null));
}
