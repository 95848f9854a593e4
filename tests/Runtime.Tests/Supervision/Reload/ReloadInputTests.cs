using FluentAssertions;
using NSubstitute;
using Runtime.Supervision.Reload;
using Xunit;

namespace Runtime.Tests.Supervision.Reload;

/// <summary>What a reload refuses before anything starts: an unknown strategy, an incomplete engine, whichever the strategy.</summary>
public sealed class ReloadInputTests : ReloadCoordinatorFixture
{
    [Fact]
    public async Task AnUnknownStrategy_IsRefusedNamingBothKnownOnes()
    {
        var act = () => _reloads.ReloadAsync("gpu-0", _v2, Deadline, strategy: (ReloadStrategy)99);

        (await act.Should().ThrowAsync<ArgumentOutOfRangeException>()).WithParameterName("strategy")
            .WithMessage("Unknown reload strategy: DrainFirst or Surge.*");
        ReloadStrategyNames.GetName(ReloadStrategy.Surge).Should().Be("surge");
        FluentActions.Invoking(() => ReloadStrategyNames.GetName((ReloadStrategy)99)).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("strategy").WithMessage("Unknown reload strategy.*");
    }

    [Theory]
    [InlineData(ReloadStrategy.DrainFirst)]
    [InlineData(ReloadStrategy.Surge)]
    public async Task AModelWithNoName_IsRefusedBeforeTheDrain(ReloadStrategy strategy)
    {
        var act = () => _reloads.ReloadAsync("gpu-0", _v2 with { Model = " " }, Deadline, strategy: strategy);

        (await act.Should().ThrowAsync<ArgumentException>()).WithMessage("EngineSpec.Model must not be empty");
        _drains.IsDraining("gpu-0").Should().BeFalse();
        _pool.Snapshot().Pid.Should().Be(4242, "the engine that served keeps serving");
        await _provisioner.DidNotReceiveWithAnyArgs().StageAsync(default!, default!, default);
    }
}
