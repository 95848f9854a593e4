using Reqnroll;
using Reqnroll.UnitTestProvider;
using Xunit;

namespace FeatureXunit;

/// <summary>
/// Outcomes the way Reqnroll.xUnit reports them: pending and inconclusive fail the test, ignore skips it
/// (Xunit.SkippableFact), and a <see cref="SkipException"/> from a step counts as Skipped.
/// </summary>
public sealed class XunitRuntimeProvider : IUnitTestRuntimeProvider
{
    /// <inheritdoc />
    public void TestPending(string message) => throw new PendingScenarioException($"Test pending: {message}");

    /// <inheritdoc />
    public void TestInconclusive(string message) => throw new PendingScenarioException($"Test inconclusive: {message}");

    /// <inheritdoc />
    public void TestIgnore(string message) => Skip.If(true, message);

    /// <inheritdoc />
    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) =>
        exception is SkipException ? ScenarioExecutionStatus.Skipped : null;
}

/// <summary>A scenario with a pending or undefined step, or an inconclusive one: it fails, with Reqnroll's message and snippets.</summary>
public sealed class PendingScenarioException(string message) : ReqnrollException(message);
