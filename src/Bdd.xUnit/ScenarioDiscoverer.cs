using System.Runtime.CompilerServices;
using Bdd.xUnit.Discovery;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>
/// Discovers the test cases of a <see cref="ScenarioAttribute"/> method from the feature embedded in its class
/// (<see cref="FeatureFileAttribute"/>, parsed once per class): one <see cref="ScenarioTestCase"/> for a Scenario, one
/// per Examples row (in file order) for a Scenario Outline, none for an outline without rows (as in Cucumber).
/// A class without the feature attribute, or a line with no scenario, becomes one failing test case that says so.
/// </summary>
public sealed class ScenarioDiscoverer : IXunitTestCaseDiscoverer
{
    private static readonly ConditionalWeakTable<Type, Lazy<ScenarioCatalog?>> Catalogs = new();
    private readonly IMessageSink _diagnosticMessageSink;

    /// <summary>Called by xUnit.</summary>
    public ScenarioDiscoverer(IMessageSink diagnosticMessageSink) => _diagnosticMessageSink = diagnosticMessageSink;

    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(factAttribute);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var line = factAttribute.GetConstructorArguments().OfType<int>().FirstOrDefault();
        var (scenario, error) = Find(testMethod.TestClass.Class, line);
        if (scenario is null)
            return [new ExecutionErrorTestCase(_diagnosticMessageSink, display, displayOptions, testMethod, error)];
        if (!scenario.IsOutline)
            return [new ScenarioTestCase(_diagnosticMessageSink, display, displayOptions, testMethod, null, scenario.TestCase)];
        return scenario.Rows
            .Select(row => (IXunitTestCase)new ScenarioTestCase(_diagnosticMessageSink, display, displayOptions, testMethod, [row.Line], row.TestCase))
            .ToList();
    }

    private static (ScenarioShape? Scenario, string Error) Find(ITypeInfo featureClass, int line)
    {
        var catalog = CatalogOf(featureClass);
        if (catalog is null)
            return (null, $"{featureClass.Name} has no [{nameof(FeatureFileAttribute)}]: [Scenario] tests belong in classes generated from *.feature files.");
        if (catalog.Errors.Count > 0)
            return (null, $"{catalog.Uri} has Gherkin errors:\n" + string.Join("\n", catalog.Errors));
        if (!catalog.TryFind(line, out var scenario))
            return (null, $"{catalog.Uri} has no Scenario or Scenario Outline on line {line}: rebuild so that the generated tests match the feature file.");
        return (scenario, string.Empty);
    }

    /// <summary>Parsed once per loaded class (reflection discovery, what the runners use); otherwise on every call.</summary>
    private static ScenarioCatalog? CatalogOf(ITypeInfo featureClass)
    {
        if (featureClass is not IReflectionTypeInfo { Type: { } type })
            return Read(featureClass);
        return Catalogs.GetValue(type, _ => new Lazy<ScenarioCatalog?>(() => Read(featureClass), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private static ScenarioCatalog? Read(ITypeInfo type)
    {
        var attribute = type.GetCustomAttributes(typeof(FeatureFileAttribute)).FirstOrDefault();
        if (attribute is null)
            return null;
        var arguments = attribute.GetConstructorArguments().Cast<string>().ToList();
        return ScenarioCatalog.Parse(arguments[0], arguments[1], arguments[2]);
    }
}
