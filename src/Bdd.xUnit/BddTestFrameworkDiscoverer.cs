using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>
/// xUnit's discoverer, plus the scenario methods of generated feature classes: a method listed in its class's
/// <see cref="FeatureFileAttribute.ScenarioMethods"/> is discovered by <see cref="ScenarioDiscoverer"/> (one test case
/// per scenario, one per Examples row). Generated methods carry no attribute, which keeps a large suite cheap to
/// compile (docs/performance.md). Every other method is discovered by xUnit as usual.
/// </summary>
internal sealed class BddTestFrameworkDiscoverer : XunitTestFrameworkDiscoverer
{
    public BddTestFrameworkDiscoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : base(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
    }

    /// <inheritdoc />
    protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
    {
        if (!ScenarioDiscoverer.TryGetScenarioLine(testMethod, out var line))
            return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);

        foreach (var testCase in ScenarioDiscoverer.Discover(discoveryOptions, testMethod, line))
        {
            if (!ReportDiscoveredTestCase(testCase, includeSourceInformation, messageBus))
                return false;
        }

        return true;
    }
}
