using System.Reflection;
using FluentAssertions;
using NetArchTest.Rules;
using Runtime.Supervision;
using Xunit;

namespace Runtime.Tests.Architecture;

/// <summary>
/// The runtime's two halves and its common part (README, "The runtime at a glance"): drain and reload drive engines
/// through the common contracts, never through the supervisor; the common part and the execution contexts know no
/// supervisor either.
/// </summary>
public sealed class LayoutTests
{
    private static readonly Assembly Runtime = typeof(Supervisor).Assembly;

    /// <summary>The supervisor's own types: the ones directly in <c>Runtime.Supervision</c>, none of its sub-folders.</summary>
    private static readonly string[] Orchestrator = Runtime.GetTypes()
        .Where(t => t.Namespace == "Runtime.Supervision" && !t.IsNested && !t.Name.StartsWith('<'))
        .Select(t => t.FullName!)
        .ToArray();

    [Theory]
    [InlineData("Runtime.Supervision.Drain")]
    [InlineData("Runtime.Supervision.Reload")]
    [InlineData("Runtime.Supervision.Policies")]
    [InlineData("Runtime.Common")]
    [InlineData("Runtime.ExecutionContexts")]
    public void AFolder_DoesNotDependOnTheSupervisor(string folder)
    {
        Orchestrator.Should().Contain(["Runtime.Supervision.Supervisor", "Runtime.Supervision.PoolSupervisor", "Runtime.Supervision.EngineSurge"]);

        var result = Types.InAssembly(Runtime)
            .That().ResideInNamespace(folder)
            .ShouldNot().HaveDependencyOnAny(Orchestrator)
            .GetResult();

        result.SelectedTypesForTesting.Should().NotBeEmpty($"{folder} holds types");
        (result.FailingTypes ?? []).Select(t => $"{t.FullName}: {t.Explanation}").Should().BeEmpty();
    }

    [Fact]
    public void TheExecutionContexts_UseNoRestartRule_NorDrainNorReload()
    {
        var result = Types.InAssembly(Runtime)
            .That().ResideInNamespace("Runtime.ExecutionContexts")
            .ShouldNot().HaveDependencyOnAny(
                "Runtime.Supervision.Backoff", "Runtime.Supervision.CircuitBreaker", "Runtime.Supervision.RestartLimits",
                "Runtime.Supervision.Policies", "Runtime.Supervision.Drain", "Runtime.Supervision.Reload")
            .GetResult();

        (result.FailingTypes ?? []).Select(t => $"{t.FullName}: {t.Explanation}").Should().BeEmpty();
    }
}
