using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>
/// Discovers one <see cref="ScenarioTestCase"/> per <see cref="ScenarioRowAttribute"/> of a
/// <see cref="ScenarioTheoryAttribute"/> method, in row order; a method without rows has no test case
/// (an outline without example rows has no scenarios, as in Cucumber).
/// </summary>
public sealed class ScenarioTheoryDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _diagnosticMessageSink;

    /// <summary>Called by xUnit.</summary>
    public ScenarioTheoryDiscoverer(IMessageSink diagnosticMessageSink) => _diagnosticMessageSink = diagnosticMessageSink;

    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        var rows = testMethod.Method.GetCustomAttributes(typeof(ScenarioRowAttribute))
            .Select(ReadRow)
            .OrderBy(row => row.Line)
            .ToList();
        foreach (var row in rows)
        {
            yield return new ScenarioTestCase(
                _diagnosticMessageSink,
                discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod,
                [row.Line],
                row.Row);
        }
    }

    private static (int Line, ScenarioRow Row) ReadRow(IAttributeInfo attribute)
    {
        var arguments = attribute.GetConstructorArguments().ToList();
        var line = (int)arguments[0];
        var displayName = (string?)arguments[1];
        var categories = arguments.Count > 2 && arguments[2] is IEnumerable<string> values ? values.ToArray() : [];
        var skip = attribute.GetNamedArgument<string?>(nameof(ScenarioRowAttribute.Skip));
        return (line, new ScenarioRow(displayName, skip, categories));
    }
}
