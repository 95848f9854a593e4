using System.Collections.Concurrent;
using FluentAssertions;
using Runtime.Supervision.Engines;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.Engines;

/// <summary>How an engine process ends, and what is left of it: its last output, its stdin, its disposal, a failed exec.</summary>
public sealed class EngineProcessEndTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly EngineLauncher _launcher = new(new EngineLauncherOptions { TimeProvider = TestClock.New() });

    public void Dispose() => _launcher.Dispose();

    [Fact]
    public async Task Exited_ComesAfterTheLastLineTheEngineWrote()
    {
        var lines = new ConcurrentQueue<string>();
        var engine = _launcher.Start(new EngineLaunchRequest("/bin/sh", ["-c", "echo first; echo last words; exit 3"])
        {
            OnOutput = line => lines.Enqueue(line.Text),
        });

        (await engine.Exited.WaitAsync(Bound)).ExitCode.Should().Be(3);

        lines.Should().Equal(["first", "last words"], "the output left in the pipe is read before the exit is reported");
    }

    [Fact]
    public async Task EveryLineIsDelivered_BlankLinesIncluded()
    {
        // The end-of-output marker is taken off the line it ends; a blank line the engine wrote is not that marker.
        var lines = new ConcurrentQueue<string>();
        var engine = _launcher.Start(new EngineLaunchRequest("/bin/sh", ["-c", "echo first; echo; echo last; exit 0"])
        {
            OnOutput = line => lines.Enqueue(line.Text),
        });

        await engine.Exited.WaitAsync(Bound);

        lines.Should().Equal(["first", "", "last"], "a blank line is output too");
    }

    [Fact]
    public async Task Exited_ComesAfterTheOutputStillUnreadWhenTheEngineWasReaped()
    {
        var lines = new ConcurrentQueue<string>();
        var engine = _launcher.Start(SeqHeldUntilReaped(lines));

        await engine.Exited.WaitAsync(Bound);

        lines.Should().HaveCount(2000).And.EndWith("2000");
    }

    [Fact]
    public async Task Exited_ComesAfterEveryLine_HoweverLateTheReader_EvenPastTheOutputDrainLimit()
    {
        // A busy machine can keep the reader from the pipes past the drain limit: CI lost the whole stderr of a refused
        // manager so. The limit is zero here, so only the marker written behind the output can end the wait. Cut at the
        // limit, most of these twenty engines lost every line they wrote.
        using var launcher = new EngineLauncher(new EngineLauncherOptions { TimeProvider = TestClock.New(), OutputDrainLimit = TimeSpan.Zero });
        var outputs = Enumerable.Range(0, 20).Select(_ => new ConcurrentQueue<string>()).ToArray();
        var engines = outputs.Select(lines => launcher.Start(new EngineLaunchRequest("/bin/sh", ["-c", "seq 1 500; echo refused >&2; exit 3"])
        {
            OnOutput = line => lines.Enqueue(line.Text),
        })).ToArray();

        await Task.WhenAll(engines.Select(engine => engine.Exited)).WaitAsync(Bound);

        outputs.Select(lines => lines.Count).Should().AllBeEquivalentTo(501, "no line an engine wrote (500 on stdout, 1 on stderr) is dropped");
    }

    [Fact]
    public async Task Exited_WhileAHelperHoldsItsOutput_ComesRightAfterItsLastLine()
    {
        // The helper holds the engine's stdout and stderr for 600 s, and the bound on the wait for the end of output is
        // an hour: only the marker written behind the engine's last line can end the wait within the test's bound.
        using var launcher = new EngineLauncher(new EngineLauncherOptions { TimeProvider = TestClock.New(), OutputDrainLimit = TimeSpan.FromHours(1) });
        var lines = new ConcurrentQueue<string>();
        var helper = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = launcher.Start(EngineStubCommand.Request(
            line =>
            {
                lines.Enqueue(line.Text);
                if (line.Text.StartsWith("helper pid ", StringComparison.Ordinal))
                {
                    helper.TrySetResult(int.Parse(line.Text["helper pid ".Length..], System.Globalization.CultureInfo.InvariantCulture));
                }
            },
            "--helper-holds-output"));
        var helperPid = await helper.Task.WaitAsync(Bound);
        try
        {
            engine.WriteLine("exit 3").Should().BeTrue();

            (await engine.Exited.WaitAsync(Bound)).ExitCode.Should().Be(3);

            lines.Should().EndWith("exiting with code 3", "every line the engine wrote is read before its exit is reported, and nothing else");
        }
        finally
        {
            SignalSender.Send(helperPid, Signals.SIGKILL);
        }
    }

    [Fact]
    public async Task WriteLine_AfterTheEngineEnded_ReturnsFalse()
    {
        var engine = _launcher.Start(new EngineLaunchRequest("/bin/sh", ["-c", "exit 0"]));
        await engine.Exited.WaitAsync(Bound);

        engine.WriteLine("anyone there?").Should().BeFalse();
    }

    [Fact]
    public async Task WriteLine_ToARunningEngineThatClosedItsInput_ReturnsFalse()
    {
        var engine = await StartUntilItSays("exec 0<&-; echo closed; exec sleep 600", "closed");

        engine.WriteLine("anyone there?").Should().BeFalse("nobody reads the engine's input any more");
        engine.HasExited.Should().BeFalse();
    }

    [Fact]
    public async Task AnEngineThatEnded_LeavesNoDescriptorOfItsPipesBehind()
    {
        // Over thousands of restarts, one descriptor left per engine would exhaust the supervisor's.
        var engine = await StartUntilItSays("echo ready; read line; exit 3", "ready");
        var pipes = OwnDescriptors.StandardPipesOf(engine.Pid);
        pipes.Should().OnlyContain(p => p.StartsWith("pipe:", StringComparison.Ordinal));

        engine.WriteLine("bye").Should().BeTrue();
        (await engine.Exited.WaitAsync(Bound)).ExitCode.Should().Be(3);

        OwnDescriptors.On(pipes).Should().BeEmpty("an engine that ended has its pipes closed, whether or not it is ever disposed");
    }

    [Fact]
    public async Task DisposeAsync_KillsARunningEngine_AndReturnsOnceItHasEnded()
    {
        var engine = _launcher.Start(EngineStubCommand.Request("--ignore-sigterm"));
        await engine.Listening.WaitAsync(Bound);

        await engine.DisposeAsync().AsTask().WaitAsync(Bound);

        engine.HasExited.Should().BeTrue();
        (await engine.Exited).SignalName.Should().Be("SIGKILL");
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Start_UntiedAndTheFileCannotBeExecuted_ThrowsEngineStartExceptionNamingIt()
    {
        // Tied engines start through setpriv, which reports a failed exec as its own exit; untied, the exec is ours.
        using var launcher = new EngineLauncher(new EngineLauncherOptions { KillEnginesWithOwner = false });
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "not a program\n");
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

            var act = () => launcher.Start(new EngineLaunchRequest(file, []));

            var refused = act.Should().Throw<EngineStartException>().Which;
            refused.Message.Should().Contain(file);
            refused.Command.Should().Be(file);
            launcher.RunningPids.Should().BeEmpty();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Starts a shell engine running <paramref name="script"/> and returns once it has written <paramref name="said"/>.</summary>
    private async Task<IEngineProcess> StartUntilItSays(string script, string said)
    {
        var saidIt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = _launcher.Start(new EngineLaunchRequest("/bin/sh", ["-c", script])
        {
            OnOutput = line => { if (line.Text == said) saidIt.TrySetResult(); },
        });
        await saidIt.Task.WaitAsync(Bound);
        return engine;
    }

    /// <summary>
    /// An engine that writes 2,000 lines and exits 3; the first line holds the reader until the engine has been reaped,
    /// so the other 1,999 are still in the pipe then (2,000 short lines fit in it, so the engine could end).
    /// </summary>
    private static EngineLaunchRequest SeqHeldUntilReaped(ConcurrentQueue<string> lines) => new("/bin/sh", ["-c", "seq 1 2000; exit 3"])
    {
        OnOutput = line =>
        {
            if (line.Text == "1")
            {
                UntilReaped(line.Pid);
            }

            lines.Enqueue(line.Text);
        },
    };

    private static void UntilReaped(int pid)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Directory.Exists($"/proc/{pid}") && waited.Elapsed < Bound)
        {
            Thread.Yield();
        }
    }
}
