using System.Reflection;
using Bdd.Execution;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>
/// xUnit's assembly runner plus the engine's test-run hooks. A failing [BeforeTestRun] hook goes to the
/// aggregator, so every test of the run fails with it (as a failing assembly fixture does); a failing
/// [AfterTestRun] hook is reported as an assembly cleanup failure. AfterTestRun runs whatever the tests did.
/// </summary>
internal sealed class BddTestAssemblyRunner : XunitTestAssemblyRunner
{
    private TestRunner? _runner;

    public BddTestAssemblyRunner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : base(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
    }

    protected override async Task AfterTestAssemblyStartingAsync()
    {
        await base.AfterTestAssemblyStartingAsync();
        await Aggregator.RunAsync(async () =>
        {
            _runner = TestRunner.ForAssembly(GetReflectionAssembly());
            await _runner.BeforeTestRunAsync();
        });
    }

    protected override async Task BeforeTestAssemblyFinishedAsync()
    {
        // The aggregator may hold a BeforeTestRun failure (already reported through every test): clear it so
        // the AfterTestRun outcome is what the cleanup reports.
        Aggregator.Clear();
        if (_runner is { } runner)
        {
            await Aggregator.RunAsync(runner.AfterTestRunAsync);
        }

        await base.BeforeTestAssemblyFinishedAsync();
    }

    private Assembly GetReflectionAssembly()
        => TestAssembly.Assembly is IReflectionAssemblyInfo reflection
            ? reflection.Assembly
            : Assembly.Load(new AssemblyName(TestAssembly.Assembly.Name));
}
