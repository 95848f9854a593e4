using Xunit;
using Xunit.Sdk;

namespace FeatureXunit;

/// <summary>
/// Marks a generated test method, <c>Task &lt;ScenarioTitle&gt;(int pickle)</c>, named after its scenario as
/// Reqnroll.xUnit names them (so <c>--filter FullyQualifiedName~ADrainingPoolRefusesNewLeases</c> selects it): it stands
/// for one xUnit test per pickle in <see cref="Pickles"/> (one for a scenario, one per Examples row for an outline),
/// found by <see cref="ScenarioDiscoverer"/> in the feature's embedded messages (<see cref="FeatureFileAttribute"/> on
/// the class). Every test has its name, Category traits and source line.
/// </summary>
/// <param name="pickles">The indices of the scenario's pickles in the feature.</param>
[XunitTestCaseDiscoverer("FeatureXunit.ScenarioDiscoverer", "FeatureXunit")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenariosAttribute(params int[] pickles) : FactAttribute
{
    /// <summary>The indices of the scenario's pickles in the feature.</summary>
    public IReadOnlyList<int> Pickles { get; } = pickles;
}
