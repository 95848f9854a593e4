namespace FeatureXunit;

/// <summary>
/// A scenario failed at a step: the message is the feature file, the step's line and the step
/// (<c>features/supervision/drain.feature:18: Then pool gpu-0 is ready</c>); the inner exception is the step's own,
/// which xUnit prints after it.
/// </summary>
public sealed class ScenarioStepException(string location, Exception inner) : Exception(location, inner)
{
    /// <summary>The failing step: <c>file:line: keyword text</c>.</summary>
    public string Location { get; } = location;
}
