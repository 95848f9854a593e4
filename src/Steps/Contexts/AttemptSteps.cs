using Reqnroll;
using FluentAssertions;
using Steps.Drivers;
using Steps.Assertions;

namespace Steps.Contexts;

/// <summary>Judging the attempt a "When ... attempts to ..." step captured.</summary>
[Binding]
public sealed class AttemptSteps(ContextDriver contexts)
{
    [Then("the attempt is {AttemptVerdict}")]
    public void ThenTheAttemptIs(AttemptVerdict verdict) =>
        Attempt().Verdict.Should().Be(verdict, $"the attempt should be {verdict.ToString().ToLowerInvariant()} (it said: {Attempt().Message ?? "nothing"})");

    [Then("the attempt is refused with {string}")]
    public void ThenTheAttemptIsRefusedWith(string message)
    {
        Attempt().Verdict.Should().BeOneOf([AttemptVerdict.Refused, AttemptVerdict.Forbidden], $"the attempt should have been refused with an answer (it said: {Attempt().Message ?? "nothing"})");
        Attempt().Message.ShouldRead(message, "the refusal should say why");
    }

    [Then("the attempt is refused for the {input} with {string}")]
    public void ThenTheAttemptIsRefusedForInputWith(CreationInput input, string message)
    {
        Attempt().Verdict.Should().Be(AttemptVerdict.Refused, $"a bad {input.Name} should be refused");
        Attempt().Input.Should().Be(input.Parameter, $"the refusal should name the {input.Name} as the input that broke the rule");
        Attempt().Message.ShouldRead(message, "the refusal should state the rule");
    }

    private ContextAttempt Attempt() => contexts.LastAttempt ?? throw new InvalidOperationException("no attempt was made in this scenario");
}
