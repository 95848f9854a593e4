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

    /// <summary>Explores <paramref name="test"/> for <see cref="Iterations"/> schedules; fails with Coyote's bug report if one fails.</summary>
    public static void Explore(Func<Task> test)
    {
        RewritingEngine.IsAssemblyRewritten(typeof(Schedules).Assembly).Should().BeTrue("the build rewrites the tests for Coyote (see the project file)");
        RewritingEngine.IsAssemblyRewritten(typeof(Runtime.Budgets.ResourceBudget).Assembly).Should().BeTrue("the build rewrites the copy of Runtime.dll next to the tests");
        var configuration = Configuration.Create().WithTestingIterations(Iterations);
        using var engine = TestingEngine.Create(configuration, test);
        engine.Run();
        var report = engine.TestReport;
        report.NumOfFoundBugs.Should().Be(0, string.Join(Environment.NewLine, report.BugReports));
    }

    /// <summary>Fails the current schedule with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void Check(bool condition, string message) => Microsoft.Coyote.Specifications.Specification.Assert(condition, message);
}
