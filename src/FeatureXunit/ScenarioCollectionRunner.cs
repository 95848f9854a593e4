using Xunit.Abstractions;
using Xunit.Sdk;

namespace FeatureXunit;

/// <summary>
/// xUnit's collection runner, except that the scenarios of a feature (each a test method of its class) run up to
/// <c>degree</c> at once (<see cref="ParallelScenarios"/>), in the order xUnit's orderer gives.
/// </summary>
internal sealed class ScenarioCollectionRunner(
    int degree, ITestCollection collection, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageBus bus,
    ITestCaseOrderer orderer, ExceptionAggregator aggregator, CancellationTokenSource cancellation)
    : XunitTestCollectionRunner(collection, testCases, diagnostics, bus, orderer, aggregator, cancellation)
{
    protected override Task<RunSummary> RunTestClassAsync(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases) =>
        new ClassRunner(degree, testClass, @class, testCases, DiagnosticMessageSink, MessageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), CancellationTokenSource, CollectionFixtureMappings)
            .RunAsync();

    /// <summary>
    /// Runs the test methods of a class side by side. xUnit hands every test of a class the same
    /// <see cref="TestOutputHelper"/>, which serves one test at a time: each scenario gets one of its own.
    /// </summary>
    private sealed class ClassRunner(
        int degree, ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageBus bus,
        ITestCaseOrderer orderer, ExceptionAggregator aggregator, CancellationTokenSource cancellation, IDictionary<Type, object> collectionFixtures)
        : XunitTestClassRunner(testClass, @class, testCases, diagnostics, bus, orderer, aggregator, cancellation, collectionFixtures)
    {
        protected override async Task<RunSummary> RunTestMethodsAsync()
        {
            if (degree <= 1)
            {
                return await base.RunTestMethodsAsync();
            }

            var arguments = CreateTestClassConstructorArguments();
            using var slots = new SemaphoreSlim(degree);
            var methods = TestCaseOrderer.OrderTestCases(TestCases).GroupBy(c => c.TestMethod, TestMethodComparer.Instance).ToList();
            var summaries = await Task.WhenAll(methods.Select(async method =>
            {
                await slots.WaitAsync();
                try
                {
                    return CancellationTokenSource.IsCancellationRequested
                        ? new RunSummary()
                        : await RunTestMethodAsync(method.Key, (IReflectionMethodInfo)method.Key.Method, method, OwnOutput(arguments));
                }
                finally
                {
                    slots.Release();
                }
            }));
            var summary = new RunSummary();
            foreach (var one in summaries)
            {
                summary.Aggregate(one);
            }

            return summary;
        }

        private static object[] OwnOutput(object[] arguments) => arguments.Select(a => a is TestOutputHelper ? new TestOutputHelper() : a).ToArray();
    }
}
