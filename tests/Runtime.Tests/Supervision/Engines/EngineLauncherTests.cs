using System.Runtime.CompilerServices;
using FluentAssertions;
using Runtime.Supervision.Engines;
using Xunit;

namespace Runtime.Tests.Supervision.Engines;

public sealed class EngineLauncherTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Dispose_ChildrenRunning_KillsEveryChild()
    {
        var launcher = new EngineLauncher();
        var first = launcher.Start(EngineStubCommand.Request());
        var second = launcher.Start(EngineStubCommand.Request("--ignore-sigterm"));
        await Task.WhenAll(first.Listening, second.Listening).WaitAsync(Bound);

        launcher.Dispose();

        first.HasExited.Should().BeTrue();
        second.HasExited.Should().BeTrue();
        (await second.Exited).SignalName.Should().Be("SIGKILL");
        launcher.RunningPids.Should().BeEmpty();
    }

    [Fact]
    public async Task Stub_ManagerProcessDies_ExitsOnItsOwn()
    {
        using var launcher = new EngineLauncher();
        var manager = launcher.Start(new EngineLaunchRequest("/bin/sh", ["-c", "read line"]));
        var said = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stub = launcher.Start(new EngineLaunchRequest(EngineStubCommand.DotNet, [EngineStubCommand.StubPath])
        {
            Environment = new Dictionary<string, string> { [EngineDefaults.ParentPidVariable] = manager.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            OnOutput = l => { if (l.Text.StartsWith("parent", StringComparison.Ordinal)) said.TrySetResult(l.Text); },
        });
        await stub.Listening.WaitAsync(Bound);

        manager.Signal(Signals.SIGKILL);
        await manager.Exited.WaitAsync(Bound);
        var exit = await stub.Exited.WaitAsync(Bound);

        exit.IsGraceful.Should().BeTrue();
        (await said.Task).Should().Be("parent process gone: exiting");
    }

    [Fact]
    public void Dispose_StopsListeningForThisProcessExit_SoTheLauncherCanBeCollected()
    {
        SurvivesCollection(DisposedLauncher()).Should().BeFalse("a disposed launcher is no longer held by this process's exit event");
    }

    [Fact]
    public void ALauncherNotDisposed_StaysRegisteredForThisProcessExit_WhereItKillsItsChildren()
    {
        SurvivesCollection(UndisposedLauncher()).Should().BeTrue("this process's exit event holds the launcher until then, to kill its children");
    }

    [Fact]
    public void Start_AfterDispose_Throws()
    {
        var launcher = new EngineLauncher();
        launcher.Dispose();

        var act = () => launcher.Start(EngineStubCommand.Request());

        act.Should().Throw<ObjectDisposedException>();
    }

    [Fact]
    public void Constructor_NonPositiveDisposeWait_ThrowsNamingTheOption()
    {
        var act = () => new EngineLauncher(new EngineLauncherOptions { DisposeWait = TimeSpan.Zero });

        act.Should().Throw<ArgumentException>().WithMessage("*DisposeWait must be positive*");
    }

    [Fact]
    public async Task Start_Environment_ReachesTheChild()
    {
        using var launcher = new EngineLauncher();
        var lines = new List<string>();
        var engine = launcher.Start(new EngineLaunchRequest("/bin/sh", ["-c", "echo devices=$CUDA_VISIBLE_DEVICES parent=$ENGINE_PARENT_PID"])
        {
            Environment = new Dictionary<string, string> { ["CUDA_VISIBLE_DEVICES"] = "0" },
            OnOutput = l => { lock (lines) { lines.Add(l.Text); } },
        });

        await engine.Exited.WaitAsync(Bound);

        lock (lines)
        {
            lines.Should().ContainSingle().Which.Should().Be($"devices=0 parent={Environment.ProcessId}");
        }
    }

    private static bool SurvivesCollection(WeakReference launcher)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return launcher.IsAlive;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference UndisposedLauncher() => new(new EngineLauncher());

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference DisposedLauncher()
    {
        var launcher = new EngineLauncher();
        launcher.Dispose();
        return new WeakReference(launcher);
    }
}
