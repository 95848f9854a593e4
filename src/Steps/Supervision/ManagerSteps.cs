using Reqnroll;
using FluentAssertions;
using Runtime.Supervision.Pools;
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

    [Given("the state file of the manager cannot be written")]
    public void CannotBeWritten()
    {
        // A directory where the file belongs: every save fails, as on a full or read-only disk.
        File.Delete(pools.StateFile);
        Directory.CreateDirectory(pools.StateFile);
    }

    [When("the state file of the manager can be written again")]
    public void CanBeWrittenAgain() => Directory.Delete(pools.StateFile);

    [Then("an error says the state file of the manager could not be saved")]
    public void SaveFailedLogged()
    {
        var error = pools.Logger.WithEvent("StateSaveFailed").Should().NotBeEmpty("a failed save should be logged").And.Subject.First();
        error.Level.Should().Be(Microsoft.Extensions.Logging.LogLevel.Error, "a state file that cannot be written is an error");
        error["Path"].Should().Be(pools.StateFile, "the entry should name the state file");
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
