using Xunit;
using Xunit.Sdk;

namespace FeatureXunit;

/// <summary>
/// Marks a feature class's generated method, <c>Task Scenario(int pickle)</c>: it stands for one xUnit test per pickle
/// of the feature (one for a scenario, one per Examples row for an outline), found by <see cref="ScenarioDiscoverer"/>
/// in the feature's embedded messages (<see cref="FeatureFileAttribute"/> on the class). The test of pickle <c>i</c> is
/// named <c>Names[i]</c>, its scenario's method name as Reqnroll.xUnit names it (so that
/// <c>--filter FullyQualifiedName~ADrainingPoolRefusesNewLeases</c> selects it), and has its Category traits and its
/// source line.
/// </summary>
/// <param name="names">The method name of each pickle's test, in pickle order.</param>
[XunitTestCaseDiscoverer("FeatureXunit.ScenarioDiscoverer", "FeatureXunit")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenariosAttribute(params string[] names) : FactAttribute
{
    /// <summary>The method name of each pickle's test, in pickle order.</summary>
    public IReadOnlyList<string> Names { get; } = names;
}
