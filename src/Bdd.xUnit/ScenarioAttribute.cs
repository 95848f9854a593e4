using Xunit;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>
/// Marks a generated scenario test: the scenario whose keyword is on <see cref="Line"/> of the class's
/// <see cref="FeatureFileAttribute"/>. Discovery (<see cref="ScenarioDiscoverer"/>) makes one test case for a
/// Scenario and one per Examples row for a Scenario Outline (the method then takes the row's line), each with the
/// display name, <c>FeatureTitle</c>/<c>Description</c>/<c>Category</c> traits and @ignore skip read from the feature,
/// so the generated code carries no per-test metadata and stays cheap to compile. A test case reports a
/// <see cref="SkipScenarioException"/> as skipped (dynamic skip).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("Bdd.xUnit.ScenarioDiscoverer", "Bdd.xUnit")]
public sealed class ScenarioAttribute : FactAttribute
{
    /// <summary>The scenario on the 1-based <paramref name="line"/> of the feature file.</summary>
    public ScenarioAttribute(int line) => Line = line;

    /// <summary>The 1-based line of the Scenario / Scenario Outline keyword.</summary>
    public int Line { get; }
}
