namespace Bdd.xUnit.Discovery;

/// <summary>
/// What a scenario test case shows the runner: its display name, its skip reason (null: it runs) and its traits
/// (<c>FeatureTitle</c>, <c>Description</c>, one <c>Category</c> per tag of the feature, rule, scenario and Examples
/// block, in that order and without '@').
/// </summary>
internal sealed record TestCaseShape(string DisplayName, string? SkipReason, IReadOnlyList<KeyValuePair<string, string>> Traits);

/// <summary>A Scenario (one test case) or a Scenario Outline (one test case per Examples row, <see cref="Rows"/>).</summary>
internal sealed record ScenarioShape(int Line, bool IsOutline, TestCaseShape TestCase, IReadOnlyList<ExampleRowShape> Rows);

/// <summary>One Examples body row of an outline: its 1-based line and its test case.</summary>
internal sealed record ExampleRowShape(int Line, TestCaseShape TestCase);
