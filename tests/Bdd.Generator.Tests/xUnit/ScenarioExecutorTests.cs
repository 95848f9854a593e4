using Bdd.Execution;
using Bdd.xUnit;
using FluentAssertions;
using Xunit;

namespace Bdd.Generator.Tests.xUnit;

public class ScenarioExecutorTests
{
    [Fact]
    public void ThrowUnlessPassed_Passed_DoesNotThrow()
        => FluentActions.Invoking(() => ScenarioExecutor.ThrowUnlessPassed(new ScenarioResult(ScenarioStatus.Passed, null, null, [])))
            .Should().NotThrow();

    [Theory]
    [InlineData(ScenarioStatus.Failed)]
    [InlineData(ScenarioStatus.Undefined)]
    [InlineData(ScenarioStatus.Pending)]
    [InlineData(ScenarioStatus.Ambiguous)]
    public void ThrowUnlessPassed_NotPassed_ThrowsFailureWithResultMessage(ScenarioStatus status)
    {
        var error = new InvalidOperationException("boom");

        FluentActions.Invoking(() => ScenarioExecutor.ThrowUnlessPassed(new ScenarioResult(status, "Then x (features/a.feature:7): boom", error, [])))
            .Should().Throw<ScenarioFailedException>().WithMessage("Then x (features/a.feature:7): boom").WithInnerException<InvalidOperationException>();
    }

    [Fact]
    public void ThrowUnlessPassed_ShouldSkip_ThrowsSkipWithMessage()
        => FluentActions.Invoking(() => ScenarioExecutor.ThrowUnlessPassed(new ScenarioResult(ScenarioStatus.Undefined, "step undefined", null, []) { ShouldSkip = true }))
            .Should().Throw<SkipScenarioException>().WithMessage("step undefined");
}
