namespace Bdd;

/// <summary>The block of the scenario being run: the keyword type of the current step.</summary>
public enum ScenarioBlock
{
    /// <summary>Before the first step.</summary>
    None,
    /// <summary>In a Given step (or an And/But after one).</summary>
    Given,
    /// <summary>In a When step.</summary>
    When,
    /// <summary>In a Then step.</summary>
    Then,
}
