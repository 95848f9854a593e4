using FluentAssertions;
using Reqnroll;
using Runtime.Supervision.Engines;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>A manager in a process of its own, its engines, and how the manager ends.</summary>
[Binding]
public sealed class OwnershipSteps(ManagerProcessDriver manager)
{
    [Given("a manager process runs {int} engines that ignore their parent")]
    public Task EnginesIgnoringTheirParent(int count) => manager.StartAsync(count, ManagerProcessDriver.StubIgnoringItsParent);

    [Given("a manager process runs {int} engines that ignore their parent and are not tied to it by the kernel")]
    public Task UntiedEngines(int count) => manager.StartAsync(count, ManagerProcessDriver.StubIgnoringItsParent, untied: true);

    [Given("a manager process runs {int} engines that are the plain program {string}")]
    public Task PlainPrograms(int count, string commandLine) => manager.StartAsync(count, commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [When("the manager process is killed by SIGKILL")]
    public Task Killed() => manager.EndAsync(Signals.SIGKILL);

    [When("the manager process is stopped by SIGTERM")]
    public Task Stopped() => manager.EndAsync(Signals.SIGTERM);

    [Then("its {int} engines are still running, none of them being killed")]
    public void StillRunning(int count)
    {
        manager.RunningWhenEnded.Should().HaveCount(count, "the engines should be running when their manager ends");
        manager.Unkilled().Should().Equal(manager.Engines, "engines not tied to their manager are not killed with it");
    }

    [Then("none of its engines is running")]
    public async Task NoneRunning()
    {
        manager.Engines.Should().NotBeEmpty("the manager should have started engines");
        manager.RunningWhenEnded.Should().Equal(manager.Engines, "every engine should be running when its manager ends");
        (await manager.SurvivorsAsync()).Should().BeEmpty("no engine may outlive its manager, but these still run");
    }
}
