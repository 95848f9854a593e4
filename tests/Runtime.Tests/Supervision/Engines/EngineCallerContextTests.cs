using FluentAssertions;
using Runtime.Supervision.Engines;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision.Engines;

/// <summary>
/// An engine started, stopped or probed from a caller's context (a UI thread's, say) never resumes on it: a library that
/// does deadlocks a caller that blocks on it. Only the first await of each call can capture the context; the later
/// ones run on the thread pool already.
/// </summary>
public sealed class EngineCallerContextTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);
    private const string Because = "a library that resumes on its caller's context deadlocks a caller that blocks on it";
    private readonly EngineLauncher _launcher = new(new EngineLauncherOptions { TimeProvider = TestClock.New() });
    private readonly CountingContext _context = new();

    public void Dispose() => _launcher.Dispose();

    [Fact]
    public async Task AnEngineStartedOnTheCallersContext_ReportsItsExitOffIt()
    {
        var engine = _context.StartOn(() => _launcher.Start(new EngineLaunchRequest("/bin/sh", ["-c", "exit 3"])));

        (await engine.Exited.WaitAsync(Bound)).ExitCode.Should().Be(3);
        _context.Posts.Should().Be(0, Because);
    }

    [Fact]
    public async Task AStopAskedOnTheCallersContext_NeverResumesOnIt()
    {
        var engine = _launcher.Start(EngineStubCommand.Request());
        await engine.Listening.WaitAsync(Bound);

        var exit = await _context.StartOn(() => engine.StopAsync(TimeSpan.FromSeconds(30))).WaitAsync(Bound);

        exit.IsGraceful.Should().BeTrue("the stub ends on SIGTERM");
        _context.Posts.Should().Be(0, Because);
    }

    [Fact]
    public async Task AStopWithoutGraceAskedOnTheCallersContext_NeverResumesOnIt()
    {
        // No grace: the wait for a graceful exit times out at once, still on the caller's context, and the wait after the
        // kill is the first await that can capture it.
        var engine = _launcher.Start(EngineStubCommand.Request("--ignore-sigterm"));
        await engine.Listening.WaitAsync(Bound);

        var exit = await _context.StartOn(() => engine.StopAsync(TimeSpan.Zero)).WaitAsync(Bound);

        exit.SignalName.Should().Be("SIGKILL");
        _context.Posts.Should().Be(0, Because);
    }

    [Fact]
    public async Task ADisposalOnTheCallersContext_NeverResumesOnIt()
    {
        var engine = _launcher.Start(EngineStubCommand.Request());
        await engine.Listening.WaitAsync(Bound);

        await _context.StartOn(() => engine.DisposeAsync().AsTask()).WaitAsync(Bound);

        engine.HasExited.Should().BeTrue();
        _context.Posts.Should().Be(0, Because);
    }

    [Fact]
    public async Task AProbeSentFromTheCallersContext_NeverResumesOnIt()
    {
        var endpoint = await _launcher.Start(EngineStubCommand.Request()).Listening.WaitAsync(Bound);
        using var probe = new HealthProbe(Bound);

        var result = await _context.StartOn(() => probe.ProbeAsync(endpoint)).WaitAsync(Bound);

        result.Healthy.Should().BeTrue();
        _context.Posts.Should().Be(0, Because);
    }
}
