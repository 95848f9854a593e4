namespace FeatureXunit;

/// <summary>Which of Reqnroll's step calls runs a step: <c>GivenAsync</c>, <c>WhenAsync</c>, ... .</summary>
internal enum StepKind
{
    Given,
    When,
    Then,
    And,
    But,
}
