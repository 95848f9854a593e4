using Reqnroll;
using FluentAssertions;
using Runtime.ExecutionContexts.Backends;
using Steps.Drivers;

namespace Steps.Contexts;

/// <summary>What a context's backend does: answer, fail, throw, take its time.</summary>
[Binding]
public sealed class BackendSteps(ContextDriver contexts)
{
    [Given("connecting the backend of {word} fails with {string}")]
    public void GivenConnectingFails(string model, string message) => contexts.Connection(model).FailWith(message);

    [Given("the backend of {word} can be connected again")]
    public void GivenConnectsAgain(string model) => contexts.Connection(model).Recover();

    [Given("tenant {word} has attempted {int} times to create a context for model {word}")]
    public void GivenAttempted(string tenant, int times, string model)
    {
        for (var i = 0; i < times; i++)
        {
            contexts.AttemptCreate(model, tenant);
        }
    }

    [Then("the backend of {word} has been asked to connect {int} times")]
    public void ThenConnectAttempts(string model, int times) =>
        contexts.Connection(model).Attempts.Should().Be(times, $"the backend of {model} should have been asked to connect {times} times");

    [Given("the backend of {word} answers every call")]
    public void GivenTheBackendAnswers(string name) => contexts.Backend(name).Heal();

    [Given("the backend of {word} answers after {int} seconds")]
    public void GivenTheBackendAnswersAfter(string name, int seconds) => contexts.Backend(name).RespondAfter(TimeSpan.FromSeconds(seconds));

    [Given("the backend of {word} fails with {string} after {int} seconds")]
    public void GivenTheBackendFailsLater(string name, string message, int seconds) =>
        contexts.Backend(name).RespondAfter(TimeSpan.FromSeconds(seconds)).FailNextCall(message);

    [Given("the backend of {word} fails on its first call with {string}")]
    public void GivenTheBackendFailsOnItsFirstCall(string name, string message) => contexts.Backend(name).FailNextCall(message);

    [Given("the backend of {word} fails after {int} calls with {string}")]
    public void GivenTheBackendFailsAfter(string name, int calls, string message) => contexts.Backend(name).FailAfter(calls, message);

    [Given("the backend of {word} throws on its first call with {string}")]
    public void GivenTheBackendThrows(string name, string message) => contexts.Backend(name).FailNextCall(message, BackendFailureMode.Exception);

    [Given("the backend of {word} fails on every call")]
    public void GivenTheBackendFailsOnEveryCall(string name) => contexts.Backend(name).FailAlways();

    [Given("the backend of {word} fails on every call after {int} calls")]
    public void GivenTheBackendFailsOnEveryCallAfter(string name, int calls) => contexts.Backend(name).FailAlwaysAfter(calls);

    [Then("the backend of {word} has received {int} call(s)")]
    public void ThenTheBackendHasReceived(string name, int calls) =>
        contexts.Backend(name).Calls.Should().Be(calls, $"the backend of {name} should have been called {calls} times");
}
