using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>Discovers one <see cref="ScenarioTestCase"/> for a <see cref="ScenarioFactAttribute"/> method.</summary>
public sealed class ScenarioFactDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _diagnosticMessageSink;

    /// <summary>Called by xUnit.</summary>
    public ScenarioFactDiscoverer(IMessageSink diagnosticMessageSink) => _diagnosticMessageSink = diagnosticMessageSink;

    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new ScenarioTestCase(
            _diagnosticMessageSink,
            discoveryOptions.MethodDisplayOrDefault(),
            discoveryOptions.MethodDisplayOptionsOrDefault(),
            testMethod,
            testMethodArguments: null,
            ScenarioRow.None);
    }
}
