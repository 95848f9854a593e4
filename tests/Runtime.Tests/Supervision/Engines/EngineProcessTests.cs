using FluentAssertions;
using Runtime.Supervision.Engines;
using Microsoft.Extensions.Time.Testing;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.Engines;

public sealed class EngineProcessTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private readonly FakeTimeProvider _time = TestClock.New();
    private readonly EngineLauncher _launcher;

    public EngineProcessTests()
    {
        _launcher = new EngineLauncher(new EngineLauncherOptions { TimeProvider = _time });
    }

    public void Dispose() => _launcher.Dispose();

    [Fact]
    public async Task Listening_StubStarted_ReportsLoopbackEndpoint()
    {
        var engine = _launcher.Start(EngineStubCommand.Request());

        var endpoint = await engine.Listening.WaitAsync(Bound);

        endpoint.IsLoopback.Should().BeTrue();
        endpoint.Port.Should().BePositive();
        engine.StartedAt.Should().Be(_time.GetUtcNow());
    }

    [Fact]
    public async Task Exited_StubExitsWithCode3_IsPlainExitFromWaitStatus()
    {
        var engine = _launcher.Start(EngineStubCommand.Request("--exit-code", "3"));

        var exit = await engine.Exited.WaitAsync(Bound);

        exit.ExitCode.Should().Be(3);
        exit.IsSignal.Should().BeFalse();
    }

    [Fact]
    public async Task Exited_StubExitsWithCode139_IsNotMistakenForSigsegv()
    {
        var engine = _launcher.Start(EngineStubCommand.Request("--exit-code", "139"));

        var exit = await engine.Exited.WaitAsync(Bound);

        exit.IsSignal.Should().BeFalse("exit(139) is a plain exit even though .NET reports 128+11");
        exit.ExitCode.Should().Be(139);
        exit.RawExitCode.Should().Be(139);
        exit.Source.Should().NotBe(ExitStatusSource.ExitCodeInference);
    }

    [Fact]
    public async Task Exited_TheKernelsWaitStatusIsRead_ThoughDotNetSometimesReapsFirst()
    {
        // waitid races .NET's own reaping of the child, and loses it now and then (1 to 4 exits in 20 on a loaded
        // 2-core machine): the announcement is the fallback. So one exit proves little; ten exits all lost would
        // mean the wait status is never read.
        var sources = new List<ExitStatusSource>();
        for (var engine = 0; engine < 10; engine++)
        {
            var exit = await _launcher.Start(EngineStubCommand.Request("--exit-code", "3")).Exited.WaitAsync(Bound);
            exit.ExitCode.Should().Be(3);
            sources.Add(exit.Source);
        }

        sources.Should().Contain(ExitStatusSource.WaitStatus);
    }

    [Theory]
    [InlineData("SIGSEGV", Signals.SIGSEGV)]
    [InlineData("SIGABRT", Signals.SIGABRT)]
    public async Task Exited_StubRaisesSignal_RecordsTheSignal(string name, int number)
    {
        var engine = _launcher.Start(EngineStubCommand.Request("--signal", name));

        var exit = await engine.Exited.WaitAsync(Bound);

        exit.Signal.Should().Be(number);
        exit.SignalName.Should().Be(name);
        exit.ExitCode.Should().BeNull();
        exit.RawExitCode.Should().Be(128 + number);
    }

    [Fact]
    public async Task Signal_Sigkill_EndsTheProcessBySigkill()
    {
        var engine = _launcher.Start(EngineStubCommand.Request());
        await engine.Listening.WaitAsync(Bound);

        engine.Signal(Signals.SIGKILL).Should().BeTrue();
        var exit = await engine.Exited.WaitAsync(Bound);

        exit.SignalName.Should().Be("SIGKILL");
    }

    [Fact]
    public async Task StopAsync_StubHonoursSigterm_ExitsZeroWithinGrace()
    {
        var lines = new List<string>();
        var engine = _launcher.Start(EngineStubCommand.Request(l => { lock (lines) { lines.Add(l.Text); } }, "--shutdown-ms", "50"));
        await engine.Listening.WaitAsync(Bound);

        var exit = await engine.StopAsync(TimeSpan.FromSeconds(10)).WaitAsync(Bound);

        exit.IsGraceful.Should().BeTrue();
        lock (lines)
        {
            lines.Should().Contain(l => l.StartsWith("SIGTERM received: finishing in-flight work", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task StopAsync_StubIgnoresSigterm_IsKilledWhenGraceElapses()
    {
        var sigtermSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = _launcher.Start(EngineStubCommand.Request(
            l => { if (l.Text == "SIGTERM received: ignored") sigtermSeen.TrySetResult(); }, "--ignore-sigterm"));
        await engine.Listening.WaitAsync(Bound);

        var stopping = engine.StopAsync(TimeSpan.FromSeconds(10));
        await sigtermSeen.Task.WaitAsync(Bound);
        engine.HasExited.Should().BeFalse("the grace period has not elapsed on the clock");
        _time.Advance(TimeSpan.FromSeconds(10));
        var exit = await stopping.WaitAsync(Bound);

        exit.SignalName.Should().Be("SIGKILL");
    }

    [Fact]
    public async Task Exited_KilledWhileAHelperHoldsItsOutput_IsSeenWithoutWaitingForTheHelper()
    {
        var helper = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = _launcher.Start(EngineStubCommand.Request(l => ReadHelperPid(l, helper), "--helper-holds-output"));
        var helperPid = await helper.Task.WaitAsync(Bound);
        try
        {
            engine.Signal(Signals.SIGKILL).Should().BeTrue();

            // The helper lives 600 s with the engine's stdout open: an exit seen only at end of output never comes.
            var exit = await engine.Exited.WaitAsync(Bound);

            exit.SignalName.Should().Be("SIGKILL");
            engine.HasExited.Should().BeTrue();
        }
        finally
        {
            SignalSender.Send(helperPid, Signals.SIGKILL);
        }
    }

    [Fact]
    public async Task StopAsync_EngineIgnoresSigtermAndAHelperHoldsItsOutput_EndsOnceKilled()
    {
        var helper = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = _launcher.Start(EngineStubCommand.Request(l => ReadHelperPid(l, helper), "--helper-holds-output", "--ignore-sigterm"));
        var helperPid = await helper.Task.WaitAsync(Bound);
        try
        {
            var stopping = engine.StopAsync(TimeSpan.FromSeconds(10));
            _time.Advance(TimeSpan.FromSeconds(10));

            var exit = await stopping.WaitAsync(Bound);

            exit.SignalName.Should().Be("SIGKILL");
        }
        finally
        {
            SignalSender.Send(helperPid, Signals.SIGKILL);
        }
    }

    [Fact]
    public async Task OnOutput_StubWritesLines_ObservesStdoutAndStderr()
    {
        // stdout and stderr are separate pipes read independently: either line may arrive first.
        var stdout = new TaskCompletionSource<EngineOutputLine>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stderr = new TaskCompletionSource<EngineOutputLine>(TaskCreationOptions.RunContinuationsAsynchronously);
        var engine = _launcher.Start(EngineStubCommand.Request(
            l =>
            {
                if (l.Text == "CUDA error: out of memory")
                {
                    stdout.TrySetResult(l);
                }
                else if (l.Text == "warning: slow disk")
                {
                    stderr.TrySetResult(l);
                }
            },
            "--log", "CUDA error: out of memory", "--log-stderr", "warning: slow disk"));

        var output = await stdout.Task.WaitAsync(Bound);
        var error = await stderr.Task.WaitAsync(Bound);

        output.IsError.Should().BeFalse("the line was written on stdout");
        error.IsError.Should().BeTrue("the line was written on stderr");
        error.Pid.Should().Be(engine.Pid);
        output.Pid.Should().Be(engine.Pid);
    }

    [Fact]
    public async Task Listening_ProcessExitsFirst_FaultsWithEngineExited()
    {
        var engine = _launcher.Start(new EngineLaunchRequest("/bin/sh", ["-c", "exit 4"]));

        var act = () => engine.Listening.WaitAsync(Bound);

        (await act.Should().ThrowAsync<EngineExitedException>()).Which.Exit.ExitCode.Should().Be(4);
    }

    [Fact]
    public async Task Help_Stub_DocumentsItsFlagsAndCommands()
    {
        var lines = new List<string>();
        var engine = _launcher.Start(new EngineLaunchRequest(EngineStubCommand.DotNet, [EngineStubCommand.StubPath, "--help"])
        {
            OnOutput = l => { lock (lines) { lines.Add(l.Text); } },
        });

        (await engine.Exited.WaitAsync(Bound)).IsGraceful.Should().BeTrue();

        lock (lines)
        {
            var help = string.Join('\n', lines);
            foreach (var flag in new[] { "--port", "--model-dir", "--healthy-after-ms", "--never-healthy", "--log", "--exit-code", "--signal", "--hang-after-ms", "--shutdown-ms", "--ignore-sigterm", "--exit-on-stdin-eof", "signal NAME" })
            {
                help.Should().Contain(flag);
            }
        }
    }

    [Fact]
    public async Task Start_UnknownStubFlag_ExitsWithCode2NamingIt()
    {
        var errors = new List<string>();
        var engine = _launcher.Start(EngineStubCommand.Request(l => { if (l.IsError) lock (errors) { errors.Add(l.Text); } }, "--bogus"));

        (await engine.Exited.WaitAsync(Bound)).ExitCode.Should().Be(2);

        lock (errors)
        {
            errors.Should().ContainSingle().Which.Should().Be("engine-stub: unknown flag '--bogus' (see --help)");
        }
    }

    [Fact]
    public async Task Start_StubModelFileMissing_ExitsWithCode1BeforeListening()
    {
        var models = Directory.CreateTempSubdirectory("models-").FullName;
        try
        {
            var errors = new List<string>();
            var engine = _launcher.Start(EngineStubCommand.Request(l => { if (l.IsError) lock (errors) { errors.Add(l.Text); } }, "--model", "llama-7b-v2", "--model-dir", models));

            var listening = () => engine.Listening.WaitAsync(Bound);

            (await listening.Should().ThrowAsync<EngineExitedException>()).Which.Exit.ExitCode.Should().Be(1);
            lock (errors)
            {
                errors.Should().ContainSingle().Which.Should().Be($"engine-stub: cannot load model llama-7b-v2: {Path.Combine(models, "llama-7b-v2")} not found");
            }
        }
        finally
        {
            Directory.Delete(models, recursive: true);
        }
    }

    [Fact]
    public async Task Start_StubModelFilePresent_Listens()
    {
        var models = Directory.CreateTempSubdirectory("models-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(models, "llama-7b-v2"), "weights");
            var engine = _launcher.Start(EngineStubCommand.Request("--model", "llama-7b-v2", "--model-dir", models));

            (await engine.Listening.WaitAsync(Bound)).IsLoopback.Should().BeTrue();
        }
        finally
        {
            Directory.Delete(models, recursive: true);
        }
    }

    [Fact]
    public void Start_CommandMissing_ThrowsEngineStartException()
    {
        var act = () => _launcher.Start(new EngineLaunchRequest("/nonexistent/engine", []));

        act.Should().Throw<EngineStartException>().Which.Message.Should().Contain("/nonexistent/engine");
    }

    [Fact]
    public async Task Start_FromAThreadThatEndsAtOnce_TheEngineKeepsRunning()
    {
        // The kernel's parent-death signal follows the thread that forked the engine, not the process.
        IEngineProcess? engine = null;
        var starter = new Thread(() => engine = _launcher.Start(EngineStubCommand.Request()));
        starter.Start();
        starter.Join();

        await engine!.Listening.WaitAsync(Bound);
        using var probe = new HealthProbe(Bound);
        var health = await probe.ProbeAsync(await engine.Listening);

        health.Healthy.Should().BeTrue("the engine should outlive the thread that started it");
        engine.HasExited.Should().BeFalse();
    }

    [Fact]
    public async Task Start_TiedToItsOwner_ThePidIsTheEngineItself()
    {
        var engine = _launcher.Start(EngineStubCommand.Request());
        await engine.Listening.WaitAsync(Bound);

        var commandLine = (await File.ReadAllTextAsync($"/proc/{engine.Pid}/cmdline")).Split('\0');

        commandLine.Should().Contain(EngineStubCommand.StubPath, "the parent-death helper execs the engine in place, keeping its pid");
    }

    [Fact]
    public async Task Start_NotTiedToItsOwner_StillStartsTheEngine()
    {
        using var launcher = new EngineLauncher(new EngineLauncherOptions { TimeProvider = _time, KillEnginesWithOwner = false });
        var engine = launcher.Start(EngineStubCommand.Request("--exit-code", "5"));

        (await engine.Exited.WaitAsync(Bound)).ExitCode.Should().Be(5);
    }

    [Fact]
    public void Start_CommandNotExecutable_ThrowsEngineStartException()
    {
        var file = Path.GetTempFileName();
        try
        {
            var act = () => _launcher.Start(new EngineLaunchRequest(file, []));

            act.Should().Throw<EngineStartException>().Which.Message.Should().Contain(file).And.Contain("no such executable file");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Start_CommandNotOnPath_ThrowsEngineStartException()
    {
        var act = () => _launcher.Start(new EngineLaunchRequest("no-such-engine-on-path", []));

        act.Should().Throw<EngineStartException>().Which.Message.Should().Contain("no-such-engine-on-path");
    }

    private static void ReadHelperPid(EngineOutputLine line, TaskCompletionSource<int> helper)
    {
        if (line.Text.StartsWith("helper pid ", StringComparison.Ordinal))
        {
            helper.TrySetResult(int.Parse(line.Text["helper pid ".Length..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
