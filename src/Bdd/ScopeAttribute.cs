namespace Bdd;

/// <summary>
/// Restricts step definitions and hooks of a class or method to scenarios with a tag, a feature
/// title or a scenario title. Several attributes are alternatives (any may match); within one
/// attribute every set property must match. When several step definitions match a step, the one
/// with the most specific scope wins (Reqnroll's rule: more matched scope conditions first, then
/// scoped before unscoped); only a tie is ambiguous.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true, Inherited = true)]
public sealed class ScopeAttribute : Attribute
{
    /// <summary>A tag, with or without '@'.</summary>
    public string? Tag { get; set; }

    /// <summary>The feature title (exact, case-sensitive).</summary>
    public string? Feature { get; set; }

    /// <summary>The scenario title (exact, case-sensitive; for outlines the outline's title).</summary>
    public string? Scenario { get; set; }
}
