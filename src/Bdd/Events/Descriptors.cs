namespace Bdd.Events;

/// <summary>A step definition: id, expression source and kind ("CUCUMBER_EXPRESSION" or "REGULAR_EXPRESSION"), method.</summary>
public sealed record StepDefinitionDescriptor(string Id, string Expression, string ExpressionType, string Method, IReadOnlyList<string> Keywords);

/// <summary>A hook: id, kind ("BeforeScenario"...), method, tag filter as a Cucumber tag expression (or null).</summary>
public sealed record HookDescriptor(string Id, string Kind, string Method, string? TagExpression);

/// <summary>
/// One planned step of a test case: a hook step (<see cref="HookId"/> set) or a pickle step
/// (<see cref="PickleStepId"/> set, with the ids of the step definitions that matched: none when
/// undefined, several when ambiguous). <see cref="StepMatchArgumentsLists"/> has, per matched definition
/// in the same order, where its arguments are in the step text (Cucumber's stepMatchArgumentsLists);
/// empty when not known.
/// </summary>
public sealed record TestStepDescriptor(string TestStepId, string? PickleStepId, string? HookId, IReadOnlyList<string> StepDefinitionIds)
{
    /// <summary>Per step definition id, the arguments its expression matched in the step text.</summary>
    public IReadOnlyList<IReadOnlyList<StepMatchArgument>> StepMatchArgumentsLists { get; init; } = [];
}

/// <summary>
/// One argument of a step match: its 0-based character <see cref="Start"/> in the step text and its
/// <see cref="Value"/> (both null for an optional group that did not take part), and the Cucumber Expression
/// parameter type (<c>int</c>, <c>string</c>, ...; null for a regular-expression group).
/// </summary>
public sealed record StepMatchArgument(int? Start, string? Value, string? ParameterTypeName);
