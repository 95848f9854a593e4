using FluentAssertions;
using Runtime.Supervision.Engines;
using Runtime.Tests.Support;
using Xunit;

namespace Runtime.Tests.Supervision;

/// <summary>Each component logs under a category of its own, made by the logger factory the options give.</summary>
public sealed class LogCategoriesTests : IDisposable
{
    private readonly SupervisorFixture _f = new();

    public void Dispose() => _f.Dispose();

    [Fact]
    public async Task ACrashAndItsRestart_AreLoggedByTheSupervisorAndTheBackoff_EachUnderItsOwnCategory()
    {
        await _f.StartReady("gpu-0");
        _f.Supervisor.EngineOf("gpu-0")!.Signal(Signals.SIGKILL);
        await _f.CrashSeen.Task.WaitAsync(PoolEvents.Bound);

        _f.Logger.WithEvent("EngineCrashed").Should().ContainSingle().Which.Category.Should().Be("Runtime.Supervision.Supervisor");
        _f.Logger.WithEvent("RestartScheduled").Select(e => e.Category).Should().BeEquivalentTo(
            ["Runtime.Supervision.Backoff.RestartBackoff", "Runtime.Supervision.Supervisor"], "the backoff logs its decision, the supervisor the restart it schedules");
    }
}
