using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>Discovers with <see cref="BddTestFrameworkDiscoverer"/> and runs the test cases through <see cref="BddTestAssemblyRunner"/>.</summary>
internal sealed class BddTestFrameworkExecutor : XunitTestFrameworkExecutor
{
    public BddTestFrameworkExecutor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : base(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
    }

    /// <summary>The discoverer of a run without a prior discovery (run all), the same as the framework's.</summary>
    protected override ITestFrameworkDiscoverer CreateDiscoverer()
        => new BddTestFrameworkDiscoverer(AssemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    // async void is xUnit's own signature here: the runner reports completion through the message sink.
    protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
    {
        using var assemblyRunner = new BddTestAssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
        await assemblyRunner.RunAsync();
    }
}
