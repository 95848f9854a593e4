using System.Runtime.CompilerServices;
using Bdd.xUnit.Discovery;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>
/// Discovers the test cases of a generated scenario method from the feature embedded in its class
/// (<see cref="FeatureFileAttribute"/>, read and parsed once per class): one <see cref="ScenarioTestCase"/> for a
/// Scenario, one per Examples row (in file order) for a Scenario Outline, none for an outline without rows (as in
/// Cucumber). A feature with Gherkin errors, or a method whose line holds no scenario, becomes one failing test case
/// that says so.
/// </summary>
internal static class ScenarioDiscoverer
{
    private static readonly ConditionalWeakTable<Type, FeatureClass?> Classes = new();

    /// <summary>True when <paramref name="testMethod"/> is a scenario method of a generated feature class.</summary>
    public static bool TryGetScenarioLine(ITestMethod testMethod, out int line)
    {
        ArgumentNullException.ThrowIfNull(testMethod);
        line = 0;
        return ClassOf(testMethod.TestClass.Class) is { } featureClass && featureClass.Methods.TryGetValue(testMethod.Method.Name, out line);
    }

    /// <summary>The test cases of the scenario whose keyword is on <paramref name="line"/>.</summary>
    public static IReadOnlyList<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, int line)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var (scenario, error) = Find(testMethod.TestClass.Class, line);
        if (scenario is null)
            return [ScenarioTestCase.ForError(display, displayOptions, testMethod, error)];
        if (!scenario.IsOutline)
            return [new ScenarioTestCase(display, displayOptions, testMethod, null, scenario.TestCase)];
        return [.. scenario.Rows.Select(row => new ScenarioTestCase(display, displayOptions, testMethod, [row.Line], row.TestCase))];
    }

    private static (ScenarioShape? Scenario, string Error) Find(ITypeInfo type, int line)
    {
        // Only methods TryGetScenarioLine accepted get here, so the class has its [FeatureFile].
        var featureClass = ClassOf(type) ?? throw new InvalidOperationException($"{type.Name} has no [{nameof(FeatureFileAttribute)}].");
        var catalog = featureClass.Catalog.Value;
        if (catalog.Errors.Count > 0)
            return (null, $"{catalog.Uri} has Gherkin errors:\n" + string.Join("\n", catalog.Errors));
        if (!catalog.TryFind(line, out var scenario))
            return (null, $"{catalog.Uri} has no Scenario or Scenario Outline on line {line}: rebuild so that the generated tests match the feature file.");
        return (scenario, string.Empty);
    }

    /// <summary>Read once per loaded class (reflection discovery, what the runners use); otherwise on every call.</summary>
    private static FeatureClass? ClassOf(ITypeInfo type)
        => type is IReflectionTypeInfo { Type: { } reflected } ? Classes.GetValue(reflected, _ => Read(type)) : Read(type);

    private static FeatureClass? Read(ITypeInfo type)
    {
        var attribute = type.GetCustomAttributes(typeof(FeatureFileAttribute)).FirstOrDefault();
        if (attribute is null)
            return null;
        var arguments = attribute.GetConstructorArguments().Cast<string>().ToList();
        return new FeatureClass(
            FeatureFileAttribute.ParseScenarioMethods(arguments[3]),
            new Lazy<ScenarioCatalog>(() => ScenarioCatalog.Parse(arguments[0], arguments[1], arguments[2]), LazyThreadSafetyMode.ExecutionAndPublication));
    }

    private sealed record FeatureClass(Dictionary<string, int> Methods, Lazy<ScenarioCatalog> Catalog);
}
