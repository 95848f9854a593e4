using Xunit;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>
/// Marks a generated scenario test (a plain Scenario). Like <see cref="FactAttribute"/>, but its test case
/// reports a <see cref="SkipScenarioException"/> as a skipped test (dynamic skip).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
[XunitTestCaseDiscoverer("Bdd.xUnit.ScenarioFactDiscoverer", "Bdd.xUnit")]
public sealed class ScenarioFactAttribute : FactAttribute
{
}
