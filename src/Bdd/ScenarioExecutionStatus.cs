namespace Bdd;

/// <summary>The status of a running scenario or step, as Reqnroll names it.</summary>
public enum ScenarioExecutionStatus
{
    /// <summary>Everything so far passed.</summary>
    OK,
    /// <summary>A step is pending.</summary>
    StepDefinitionPending,
    /// <summary>A step has no step definition.</summary>
    UndefinedStep,
    /// <summary>A step matched several definitions, or its arguments could not be bound.</summary>
    BindingError,
    /// <summary>A step or hook threw.</summary>
    TestError,
    /// <summary>Skipped.</summary>
    Skipped,
}
