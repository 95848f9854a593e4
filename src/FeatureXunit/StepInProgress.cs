namespace FeatureXunit;

/// <summary>
/// The step a scenario is running, as <c>file:line: keyword text</c>: <see cref="FeatureTests"/> registers one in each
/// scenario's container and sets it before each step, and <see cref="StepLocationBindingInvoker"/> reads it when a step fails.
/// </summary>
internal sealed class StepInProgress
{
    /// <summary>The running step: <c>features/supervision/drain.feature:18: Then pool gpu-0 is ready</c>.</summary>
    public string? Location { get; set; }
}
