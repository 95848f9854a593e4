namespace Bdd;

/// <summary>The keyword type of a step or of a step definition.</summary>
public enum StepDefinitionType
{
    /// <summary>Given (context).</summary>
    Given,
    /// <summary>When (action).</summary>
    When,
    /// <summary>Then (outcome).</summary>
    Then,
}
