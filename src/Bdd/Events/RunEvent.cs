namespace Bdd.Events;

/// <summary>
/// Base of every run event. The model follows Cucumber Messages (testRunStarted, testCaseStarted,
/// testStepStarted, testStepFinished, attachment, testCaseFinished, testRunFinished...): ids link events
/// the way message ids do, <see cref="Timestamp"/> is when it happened (the runner's TimeProvider).
/// </summary>
public abstract record RunEvent(DateTimeOffset Timestamp);
