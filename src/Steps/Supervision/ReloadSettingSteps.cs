using FluentAssertions;
using Reqnroll;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>The settings of reloads, checked when the reloads are set up.</summary>
[Binding]
public sealed class ReloadSettingSteps(HandoffDriver handoffs)
{
    private ArgumentException? _refusal;

    [When("the reloads are set up to write their handoff files to the folder {string}")]
    public void SetUp(string folder) => _refusal = handoffs.SetUpWithHandoffFolder(folder);

    [Then("the reloads are refused at once, naming their handoff folder setting")]
    public void Refused() =>
        _refusal.Should().NotBeNull("a handoff folder with no name cannot be written to").And.Match<ArgumentException>(
            e => e.ParamName == "HandoffDirectory" && e.Message.Contains("HandoffDirectory must be null or a directory path", StringComparison.Ordinal),
            "the refusal should name the setting and what it must be");

    [Then("the reloads are set up")]
    public void Accepted() => _refusal.Should().BeNull("the setting is in range");
}
