using System.Diagnostics;
using FluentAssertions;
using Steps.Drivers;
using Xunit;

namespace ProcessOwnership.Tests;

/// <summary>
/// Every process a scenario starts, directly or through a child, dies when the test host dies by SIGKILL. A nested
/// <c>dotnet test</c> of the specifications runs as a child of this process; once the processes of the chosen scenarios
/// run (found by walking /proc below the nested run's test host), the test host is killed with SIGKILL, and every process
/// seen below it, and any process left below this one, must end within the bound. Processes are told apart by pid only.
/// </summary>
public sealed class TestHostKillTests
{
    /// <summary>How long the processes of the run have to end once the host is killed (they take milliseconds).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>How long the nested run has to start the processes looked for (seconds, longer on a loaded machine).</summary>
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(90);

    static TestHostKillTests() => Native.BecomeSubreaper();

    [Theory]
    [InlineData("the helper of an engine ran, as a drain stopped the engine", "DisplayName~A drain stops an engine whose helper", 1)]
    [InlineData("a manager ran two engines that ignore it", "DisplayName~No engine survives a manager killed", 2)]
    [InlineData("a manager ran two engines not tied to it", "DisplayName~Engines not tied to their manager", 2)]
    public async Task KillingTheTestHost_WithSigkill_LeavesNoProcessOfTheRun(string moment, string filter, int grandchildren)
    {
        using var run = NestedTestRun.Start(filter);
        var seen = new HashSet<int>();
        try
        {
            var host = await KillTheTestHostAsync(run, seen, grandchildren);
            (await run.WaitForExitAsync(Bound)).Should().BeTrue($"dotnet test should end once its test host ({host}) is killed");

            var survivors = await SurvivorsAsync(seen);

            string.Join(Environment.NewLine, survivors).Should().BeEmpty($"no process of the run should outlive its test host killed while {moment}");
        }
        finally
        {
            foreach (var pid in seen.Append(run.Pid).Concat(BelowThisProcess(ProcessTable.Read())))
            {
                Native.Kill(pid);
            }
        }
    }

    /// <summary>
    /// Walks /proc until the test host of <paramref name="run"/> has <paramref name="grandchildren"/> processes two levels
    /// or more below it (a manager's engines, an engine's helper), records every process seen below it, and kills it.
    /// </summary>
    private static async Task<int> KillTheTestHostAsync(NestedTestRun run, HashSet<int> seen, int grandchildren)
    {
        var bound = Stopwatch.StartNew();
        while (!run.HasExited && bound.Elapsed < StartBound)
        {
            var table = ProcessTable.Read();
            if (ProcessTable.DescendantsOf(run.Pid, table).Select(d => d.Process).FirstOrDefault(p => p.CommandLine().Contains("testhost", StringComparison.Ordinal)) is { } host)
            {
                var below = ProcessTable.DescendantsOf(host.Pid, table);
                seen.UnionWith(below.Select(d => d.Process.Pid));
                if (below.Count(d => d.Depth >= 2) >= grandchildren)
                {
                    seen.Add(host.Pid);
                    Native.Kill(host.Pid).Should().BeTrue("the test host should still run when it is killed");
                    return host.Pid;
                }
            }

            await Task.Delay(5); // a process's start wakes nothing: /proc is read again
        }

        throw new InvalidOperationException($"the nested run never had {grandchildren} processes two levels below its test host (saw {seen.Count} below it); its output:{Environment.NewLine}{run.OutputTail}");
    }

    /// <summary>
    /// The processes seen below the killed host, and any process now below this one (an orphan of the run is re-parented
    /// here), still running once each has ended or <see cref="Bound"/> has passed: each wait is woken by the exit.
    /// </summary>
    private static async Task<IReadOnlyList<string>> SurvivorsAsync(HashSet<int> seen)
    {
        var bound = Stopwatch.StartNew();
        while (true)
        {
            var left = seen.Where(OperatingSystemProcess.IsRunning).Union(BelowThisProcess(ProcessTable.Read())).ToList();
            var time = Bound - bound.Elapsed;
            if (left.Count == 0 || time <= TimeSpan.Zero)
            {
                var table = ProcessTable.Read();
                return table.Where(p => left.Contains(p.Pid)).Select(p => p.ToString()).ToList();
            }

            await Task.WhenAll(left.Select(pid => OperatingSystemProcess.WaitForExitAsync(pid, time)));
        }
    }

    private static IEnumerable<int> BelowThisProcess(IReadOnlyList<ProcessEntry> table) =>
        ProcessTable.DescendantsOf(Environment.ProcessId, table).Select(d => d.Process.Pid);
}
