using Xunit;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>
/// Marks a generated Scenario Outline test: one test case per <see cref="ScenarioRowAttribute"/> (one per Examples
/// row), each with its own display name, traits and skip reason, and with dynamic skip as for
/// <see cref="ScenarioFactAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("Bdd.xUnit.ScenarioTheoryDiscoverer", "Bdd.xUnit")]
public sealed class ScenarioTheoryAttribute : TheoryAttribute
{
}
