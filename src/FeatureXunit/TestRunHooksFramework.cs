using System.Reflection;
using Reqnroll;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FeatureXunit;

/// <summary>
/// xUnit's own test framework plus Reqnroll's test-run hooks: <c>OnTestRunStartAsync</c> when the test assembly
/// starts and <c>OnTestRunEndAsync</c> (which also closes the formatters) when it finishes; and a feature's scenarios
/// run side by side (<see cref="ParallelScenarios"/>). Named by the test assembly's <c>[assembly: TestFramework(...)]</c>.
/// </summary>
public sealed class TestRunHooksFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageSink execution, ITestFrameworkExecutionOptions options)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnostics, execution, options)
    {
        private readonly Assembly _assembly = Assembly.Load(new AssemblyName(testAssembly.Assembly.Name));

        protected override async Task AfterTestAssemblyStartingAsync()
        {
            await base.AfterTestAssemblyStartingAsync();
            await Aggregator.RunAsync(() => TestRunnerManager.OnTestRunStartAsync(_assembly));
        }

        protected override Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource) =>
            new ScenarioCollectionRunner(ParallelScenarios.Degree(testCollection, ExecutionOptions), testCollection, testCases, DiagnosticMessageSink, messageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), cancellationTokenSource)
                .RunAsync();

        protected override async Task BeforeTestAssemblyFinishedAsync()
        {
            await Aggregator.RunAsync(() => TestRunnerManager.OnTestRunEndAsync(_assembly));
            await base.BeforeTestAssemblyFinishedAsync();
        }
    }
}
