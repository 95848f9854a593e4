using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>
/// The xUnit v2 test framework of a generated spec assembly: xUnit's own framework whose discoverer also finds the
/// generated scenario methods (<see cref="BddTestFrameworkDiscoverer"/>) and whose executor wraps the
/// whole run in the engine's test-run hooks (<c>TestRunner.BeforeTestRunAsync</c> before the first test,
/// <c>AfterTestRunAsync</c> after the last one, even when tests failed). The generator registers it with
/// <c>[assembly: Xunit.TestFramework("Bdd.xUnit.BddTestFramework", "Bdd.xUnit")]</c>.
/// </summary>
public sealed class BddTestFramework : XunitTestFramework
{
    /// <summary>Called by xUnit with its diagnostic sink.</summary>
    public BddTestFramework(IMessageSink messageSink) : base(messageSink) { }

    /// <inheritdoc />
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo)
        => new BddTestFrameworkDiscoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName)
        => new BddTestFrameworkExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);
}
