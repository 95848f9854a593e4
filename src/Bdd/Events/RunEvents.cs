using Bdd.Execution;
using Bdd.Gherkin;
using Bdd.Gherkin.Ast;
using Bdd.Gherkin.Pickles;

namespace Bdd.Events;

/// <summary>The first event of a run (raised by the first scenario or BeforeTestRunAsync).</summary>
public sealed record TestRunStarted(DateTimeOffset Timestamp, string TestRunStartedId) : RunEvent(Timestamp);

/// <summary>The last event of a run (AfterTestRunAsync); <see cref="Success"/> is false when any scenario failed.</summary>
public sealed record TestRunFinished(DateTimeOffset Timestamp, string TestRunStartedId, bool Success, string? Message) : RunEvent(Timestamp);

/// <summary>The bindings of the run, raised once before the first source: Cucumber's stepDefinition and hook messages.</summary>
public sealed record BindingsDiscovered(DateTimeOffset Timestamp, IReadOnlyList<StepDefinitionDescriptor> StepDefinitions, IReadOnlyList<HookDescriptor> Hooks, IReadOnlyList<string> Errors) : RunEvent(Timestamp);

/// <summary>A feature file was parsed and compiled (Cucumber's source, gherkinDocument, pickle and parseError messages).</summary>
public sealed record SourceParsed(DateTimeOffset Timestamp, string Uri, string Text, GherkinDocument? Document, IReadOnlyList<Pickle> Pickles, IReadOnlyList<ParseError> Errors) : RunEvent(Timestamp);

/// <summary>
/// A test case (one pickle run) starts. <see cref="TestSteps"/> is the plan: hook steps and pickle steps
/// with the step definitions each matched (Cucumber's testCase message).
/// </summary>
public sealed record TestCaseStarted(DateTimeOffset Timestamp, string TestCaseStartedId, string TestCaseId, Pickle Pickle, int Attempt, IReadOnlyList<TestStepDescriptor> TestSteps) : RunEvent(Timestamp);

/// <summary>A hook step or pickle step starts.</summary>
public sealed record TestStepStarted(DateTimeOffset Timestamp, string TestCaseStartedId, string TestStepId) : RunEvent(Timestamp);

/// <summary>A hook step or pickle step finished (Skipped steps too, with zero duration).</summary>
public sealed record TestStepFinished(DateTimeOffset Timestamp, string TestCaseStartedId, string TestStepId, ScenarioStatus Status, TimeSpan Duration, string? Message, Exception? Exception) : RunEvent(Timestamp);

/// <summary>
/// Output attached to a test step: a WriteLine (media type "text/x.cucumber.log+plain") or a file
/// (AddAttachment: <see cref="FileName"/> set, <see cref="Body"/> is the path).
/// </summary>
public sealed record Attachment(DateTimeOffset Timestamp, string? TestCaseStartedId, string? TestStepId, string Body, string MediaType, string? FileName) : RunEvent(Timestamp);

/// <summary>A test case finished with its result.</summary>
public sealed record TestCaseFinished(DateTimeOffset Timestamp, string TestCaseStartedId, ScenarioResult Result) : RunEvent(Timestamp);

/// <summary>A BeforeTestRun/AfterTestRun/BeforeFeature/AfterFeature hook starts (Cucumber's testRunHookStarted).</summary>
public sealed record TestRunHookStarted(DateTimeOffset Timestamp, string TestRunHookStartedId, string HookId) : RunEvent(Timestamp);

/// <summary>A test-run or feature hook finished.</summary>
public sealed record TestRunHookFinished(DateTimeOffset Timestamp, string TestRunHookStartedId, ScenarioStatus Status, TimeSpan Duration, string? Message) : RunEvent(Timestamp);
