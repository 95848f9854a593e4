using Bdd.Execution;
using Xunit.Abstractions;

namespace Bdd.xUnit;

/// <summary>Sends the scenario's output lines to xUnit's per-test output (shown with the test result).</summary>
internal sealed class TestOutputScenarioOutput : IScenarioOutput
{
    private readonly ITestOutputHelper _output;

    public TestOutputScenarioOutput(ITestOutputHelper output) => _output = output;

    public void WriteLine(string message)
    {
        try
        {
            _output.WriteLine(message);
        }
        catch (InvalidOperationException)
        {
            // xUnit refuses output once the test has finished (a late write from a background task): drop it.
        }
    }
}
