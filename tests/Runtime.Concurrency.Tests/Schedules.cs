using System.Runtime.CompilerServices;
using FluentAssertions;
using Microsoft.Coyote;
using Microsoft.Coyote.Rewriting;
using Microsoft.Coyote.SystematicTesting;

namespace Runtime.Concurrency.Tests;

/// <summary>Runs a test under Coyote's systematic scheduler: every iteration explores another interleaving.</summary>
internal static class Schedules
{
    /// <summary>Iterations per test: at least 1,000 schedules each.</summary>
    public const uint Iterations = 1000;

    /// <summary>
    /// Explores <paramref name="test"/> for <see cref="Iterations"/> schedules; fails with Coyote's bug report if one
    /// fails. <paramref name="configure"/> adds scheduling points (lock-free code needs them at atomic and volatile operations).
    /// </summary>
    public static void Explore(Func<Task> test, Func<Configuration, Configuration>? configure = null, [CallerMemberName] string name = "")
    {
        RewritingEngine.IsAssemblyRewritten(typeof(Schedules).Assembly).Should().BeTrue("the build rewrites the tests for Coyote (see the project file)");
        RewritingEngine.IsAssemblyRewritten(typeof(Runtime.ExecutionContexts.Budgets.ResourceBudget).Assembly).Should().BeTrue("the build rewrites the copy of Runtime.dll next to the tests");
        var configuration = Configuration.Create().WithTestingIterations(Iterations);
        configuration = configure?.Invoke(configuration) ?? configuration;
        using var engine = TestingEngine.Create(configuration, test);
        engine.Run();
        var report = engine.TestReport;
        var bugs = string.Join(Environment.NewLine, report.BugReports);
        if (report.NumOfFoundBugs > 0)
        {
            var trace = Path.Combine(AppContext.BaseDirectory, "coyote", $"{name}.trace.txt");
            Directory.CreateDirectory(Path.GetDirectoryName(trace)!);
            File.WriteAllText(trace, engine.ReadableTrace);
            bugs += $"{Environment.NewLine}(Coyote's trace: {trace})";
        }

        report.NumOfFoundBugs.Should().Be(0, bugs);
    }

    /// <summary>Scheduling points at every <see cref="Interlocked"/> and <see cref="Volatile"/> call: what lock-free code needs explored.</summary>
    public static Configuration AtEveryAtomicOperation(Configuration configuration) =>
        configuration.WithAtomicOperationRaceCheckingEnabled().WithVolatileOperationRaceCheckingEnabled();

    /// <summary>Fails the current schedule with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void Check(bool condition, string message) => Microsoft.Coyote.Specifications.Specification.Assert(condition, message);
}
