using FluentAssertions;
using Reqnroll;
using Steps.Drivers;

namespace Steps.Supervision;

/// <summary>A pool's restart delay, restart limit and restart circuit set by name, and the restart policy accepting or refusing them.</summary>
[Binding]
public sealed class PolicySettingSteps(PolicyDriver policies)
{
    private Exception? _refusal;

    [Given("^the (" + PolicySettings.Names + ") of pool (\\S+) is (.+)$")]
    public void GivenTheSettingIs(string setting, string pool, string value) =>
        policies.Configure(pool, p => PolicySettings.Set(p, setting, value));

    [When("pool {word} is put under its restart policy")]
    public void WhenThePoolIsPutUnderItsPolicy(string pool)
    {
        try
        {
            policies.Pool(pool);
        }
        catch (ArgumentException refusal)
        {
            _refusal = refusal;
        }
    }

    [Then("the restart policy of pool {word} is accepted")]
    public void ThenThePolicyIsAccepted(string pool) =>
        _refusal.Should().BeNull($"every setting of pool {pool} is in range");

    [Then("^the restart policy of pool (\\S+) is refused: its (" + PolicySettings.Names + ") (must .+)$")]
    public void ThenThePolicyIsRefused(string pool, string setting, string rule) =>
        PolicySettings.InBusinessWords(_refusal.Should().BeAssignableTo<ArgumentException>($"the settings of pool {pool} should be refused").Subject.Message)
            .Should().Contain($"{setting} {rule}", $"the refusal should name the {setting} and its rule");

    [Then("^the restart policy of pool (\\S+) is refused because (.+)$")]
    public void ThenThePolicyIsRefusedBecause(string pool, string reason) =>
        _refusal.Should().BeAssignableTo<ArgumentException>($"the settings of pool {pool} should be refused").Subject.Message
            .Should().Contain(reason, $"the refusal should say why: {reason}");
}
