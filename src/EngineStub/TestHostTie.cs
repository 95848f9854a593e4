using System.Globalization;

namespace EngineStub;

/// <summary>
/// Ends this fixture process with the test host that started it, directly or through other processes, however that host
/// ends (SIGKILL included). The test host names itself in <see cref="PidVariable"/>; every process below it inherits the
/// variable, and the engine stub (in every mode: <c>--ignore-parent</c>, and the helper that outlives its stub) and the
/// manager host end as soon as that process has ended. This is test-run hygiene, not a behaviour of the engine the stub
/// plays: an engine that ignores its parent still outlives its manager, but not the test run.
/// </summary>
internal static class TestHostTie
{
    /// <summary>The environment variable that names the test host's pid.</summary>
    public const string PidVariable = "SPECS_TEST_HOST_PID";

    /// <summary>
    /// When <see cref="PidVariable"/> names a process, exits this process (code 0) once that one has ended: at once when
    /// it has ended already. Without the variable, or on a kernel without pidfds, does nothing.
    /// </summary>
    public static void EndWithTestHost()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable(PidVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var host) && host > 0)
        {
            new Thread(() =>
            {
                if (ProcessExit.Wait(host, Timeout.InfiniteTimeSpan) == true)
                {
                    Environment.Exit(0);
                }
            })
            {
                IsBackground = true,
                Name = "test host tie",
            }.Start();
        }
    }
}
