using FluentAssertions;
using Runtime.Supervision.Engines;
using Runtime.Supervision.Pools;
using Runtime.Supervision;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision;

/// <summary>
/// Disposing the supervisor (real engine processes, a manual clock): <see cref="Supervisor.DisposeAsync"/> stops the
/// engines gracefully within the grace period on the supervisor's clock, disposal is safe twice, and a disposed
/// supervisor refuses work instead of re-creating pools.
/// </summary>
public sealed class SupervisorDisposalTests : IDisposable
{
    private readonly SupervisorFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task DisposeAsync_StopsARunningEngineGracefully_WithNoRestart()
    {
        await _fixture.StartReady("gpu-0");
        var engine = _fixture.Supervisor.EngineOf("gpu-0")!;

        await _fixture.Supervisor.DisposeAsync().AsTask().WaitAsync(PoolEvents.Bound);

        var exit = await engine.Exited.WaitAsync(PoolEvents.Bound);
        exit.SignalName.Should().NotBe("SIGKILL", $"a graceful disposal asks the engine to stop and lets it (it ended by {exit})");
        _fixture.Crashes.Should().BeEmpty("an engine stopped on purpose has not crashed");
    }

    [Fact]
    public async Task DisposeAsync_KillsAnEngineThatIgnoresTheStop_WhenTheGracePeriodEndsOnTheSupervisorsClock()
    {
        await _fixture.StartReady("gpu-0", "--ignore-sigterm");
        var engine = _fixture.Supervisor.EngineOf("gpu-0")!;

        var ignored = _fixture.EngineWrites("SIGTERM received: ignored");

        var disposal = _fixture.Supervisor.DisposeAsync().AsTask();
        await ignored.WaitAsync(PoolEvents.Bound);
        disposal.IsCompleted.Should().BeFalse("the engine has its grace period of 10 s on the supervisor's clock");

        _fixture.Time.Advance(TimeSpan.FromSeconds(10));

        await disposal.WaitAsync(PoolEvents.Bound);
        (await engine.Exited.WaitAsync(PoolEvents.Bound)).SignalName.Should().Be("SIGKILL");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Disposing_WhileAnEngineStarts_AnswersTheStartThatWaits(bool gracefully)
    {
        _fixture.Register("gpu-0", "llama-7b-v1", "--never-healthy");
        var starting = _fixture.Supervisor.StartAsync("gpu-0");
        await PoolEvents.WaitFor(_fixture.Registry.Get("gpu-0"), _ => _fixture.Supervisor.EngineOf("gpu-0") is not null);

        if (gracefully)
        {
            await _fixture.Supervisor.DisposeAsync().AsTask().WaitAsync(PoolEvents.Bound);
        }
        else
        {
            _fixture.Supervisor.Dispose();
        }

        var result = await starting.WaitAsync(PoolEvents.Bound);
        result.Ready.Should().BeFalse("the engine was ended before it was ready");
        result.Error.Should().Contain("before it was ready");
    }

    [Fact]
    public async Task DisposingTwice_AndBothWays_IsSafe()
    {
        await _fixture.StartReady("gpu-0");

        await _fixture.Supervisor.DisposeAsync();
        var again = async () => await _fixture.Supervisor.DisposeAsync();
        var sync = () => _fixture.Supervisor.Dispose();

        await again.Should().NotThrowAsync();
        sync.Should().NotThrow();
    }

    [Fact]
    public async Task ADisposedSupervisor_RefusesWork_AndStartsNoEngine()
    {
        _fixture.Register("gpu-1");
        await _fixture.Supervisor.DisposeAsync();

        var start = () => _fixture.Supervisor.StartAsync("gpu-1");
        var stop = () => _fixture.Supervisor.StopEngineAsync("gpu-1", force: true);
        var reset = () => _fixture.Supervisor.ResetCircuit("gpu-1");

        var unknown = () => _fixture.Supervisor.StartAsync("gpu-9");

        await start.Should().ThrowAsync<ObjectDisposedException>();
        await stop.Should().ThrowAsync<ObjectDisposedException>();
        reset.Should().Throw<ObjectDisposedException>();
        await unknown.Should().ThrowAsync<ObjectDisposedException>("the disposal is told before anything about the pool");
        _fixture.Supervisor.EngineOf("gpu-1").Should().BeNull("no pool was re-created after disposal");
        _fixture.Registry.Get("gpu-1").State.Should().NotBe(PoolState.Starting);
    }
}
