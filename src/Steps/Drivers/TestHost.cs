using System.Globalization;

namespace Steps.Drivers;

/// <summary>
/// Names this process, the test host, in <c>SPECS_TEST_HOST_PID</c>: every engine stub and manager host it starts,
/// directly or through a manager, inherits the variable and ends when this process ends, SIGKILL included, even one
/// that outlives its own parent on purpose (src/EngineStub/TestHostTie.cs). Called before the drivers start a process.
/// </summary>
internal static class TestHost
{
    private const string PidVariable = "SPECS_TEST_HOST_PID";

    /// <summary>Sets the variable to this process's pid (once is enough; again is harmless).</summary>
    public static void Claim() => Environment.SetEnvironmentVariable(PidVariable, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
}
