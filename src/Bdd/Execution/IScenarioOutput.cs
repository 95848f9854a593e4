namespace Bdd.Execution;

/// <summary>
/// Where a scenario's output lines go (xUnit's ITestOutputHelper in generated tests).
/// Implementations must accept calls from any thread; one scenario writes sequentially.
/// </summary>
public interface IScenarioOutput
{
    /// <summary>Writes one line of test output.</summary>
    void WriteLine(string message);
}
