namespace Bdd.Events;

/// <summary>A step definition: id, expression source and kind ("CUCUMBER_EXPRESSION" or "REGULAR_EXPRESSION"), method.</summary>
public sealed record StepDefinitionDescriptor(string Id, string Expression, string ExpressionType, string Method, IReadOnlyList<string> Keywords);

/// <summary>A hook: id, kind ("BeforeScenario"...), method, tag filter as a Cucumber tag expression (or null).</summary>
public sealed record HookDescriptor(string Id, string Kind, string Method, string? TagExpression);

/// <summary>
/// One planned step of a test case: a hook step (<see cref="HookId"/> set) or a pickle step
/// (<see cref="PickleStepId"/> set, with the ids of the step definitions that matched: none when
/// undefined, several when ambiguous).
/// </summary>
public sealed record TestStepDescriptor(string TestStepId, string? PickleStepId, string? HookId, IReadOnlyList<string> StepDefinitionIds);
