using Reqnroll;
using FluentAssertions;
using Runtime.Pools;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>The manager process itself: restarts and its state file.</summary>
[Binding]
public sealed class ManagerSteps(PoolDriver pools)
{
    private string? _refusal;

    [When("the manager restarts")]
    public void Restarts() => pools.RestartManager();

    [Given("the state file of the manager has been cut in half")]
    public void CutInHalf()
    {
        var bytes = File.ReadAllBytes(pools.StateFile);
        File.WriteAllBytes(pools.StateFile, bytes[..(bytes.Length / 2)]);
    }

    [When("the manager attempts to restart")]
    public void AttemptsRestart()
    {
        try
        {
            pools.RestartManager();
        }
        catch (PoolStateFileException e)
        {
            _refusal = e.Message;
        }
    }

    [Then("the restart is refused because the state file {string}")]
    public void Refused(string problem) =>
        _refusal.Should().StartWith($"pool state file '{pools.StateFile}' {problem}", "the manager should name the file and the problem");
}
