using Bdd.xUnit.Discovery;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>
/// The test case of a generated scenario or outline row. Its display name, skip reason and traits are read from the
/// feature file at discovery (<see cref="TestCaseShape"/>) and serialized, so VSTest discovery, filtering and execution
/// agree; the method carries no attribute. It runs as xUnit runs a fact (<see cref="XunitTestCaseRunner"/>), with
/// dynamic skip: a <see cref="SkipScenarioException"/> is reported as Skipped with its message, as Xunit.SkippableFact
/// does. A test case created for a discovery error (<see cref="ForError"/>) fails with that error.
/// </summary>
public sealed class ScenarioTestCase : TestMethodTestCase, IXunitTestCase
{
    private static readonly TestCaseShape Unknown = new("(unknown scenario)", null, []);
    private TestCaseShape _shape = Unknown;
    private string? _error;

    /// <summary>Called by the de-serializer only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ScenarioTestCase()
    {
    }

    internal ScenarioTestCase(
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        object[]? testMethodArguments,
        TestCaseShape shape,
        string? error = null)
        : base(defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, testMethodArguments)
    {
        _shape = shape;
        _error = error;
    }

    /// <inheritdoc />
    public int Timeout => 0;

    /// <summary>A test case for <paramref name="testMethod"/> that fails with <paramref name="error"/>.</summary>
    internal static ScenarioTestCase ForError(TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod, string error)
        => new(display, displayOptions, testMethod, null, new TestCaseShape(testMethod.TestClass.Class.Name + "." + testMethod.Method.Name, null, []), error);

    /// <inheritdoc />
    protected override void Initialize()
    {
        base.Initialize();
        DisplayName = _shape.DisplayName;
        SkipReason = _shape.SkipReason;
        foreach (var (name, value) in _shape.Traits)
        {
            if (!Traits.TryGetValue(name, out var values))
            {
                values = [];
                Traits[name] = values;
            }

            if (!values.Contains(value, StringComparer.Ordinal))
            {
                values.Add(value);
            }
        }
    }

    /// <inheritdoc />
    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("BddDisplayName", _shape.DisplayName);
        data.AddValue("BddSkipReason", _shape.SkipReason);
        data.AddValue("BddTraitNames", _shape.Traits.Select(trait => trait.Key).ToArray());
        data.AddValue("BddTraitValues", _shape.Traits.Select(trait => trait.Value).ToArray());
        data.AddValue("BddError", _error);
    }

    /// <inheritdoc />
    public override void Deserialize(IXunitSerializationInfo data)
    {
        // The shape first: the base initializes (display name, skip, traits) while deserializing.
        var names = data.GetValue<string[]>("BddTraitNames") ?? [];
        var values = data.GetValue<string[]>("BddTraitValues") ?? [];
        _shape = new TestCaseShape(
            data.GetValue<string>("BddDisplayName") ?? Unknown.DisplayName,
            data.GetValue<string?>("BddSkipReason"),
            [.. names.Zip(values, (name, value) => new KeyValuePair<string, string>(name, value))]);
        _error = data.GetValue<string?>("BddError");
        base.Deserialize(data);
    }

    /// <inheritdoc />
    public async Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink,
        IMessageBus messageBus,
        object[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource)
    {
        if (_error is not null)
            return await new DiscoveryErrorRunner(this, _error, messageBus, aggregator, cancellationTokenSource).RunAsync();

        var skipBus = new SkipScenarioMessageBus(messageBus);
        var summary = await new XunitTestCaseRunner(this, DisplayName, SkipReason, constructorArguments, TestMethodArguments, skipBus, aggregator, cancellationTokenSource).RunAsync();
        if (skipBus.SkippedCount > 0)
        {
            summary.Failed -= skipBus.SkippedCount;
            summary.Skipped += skipBus.SkippedCount;
        }

        return summary;
    }

    /// <summary>Reports a discovery error as one failed test (as xUnit's ExecutionErrorTestCase does).</summary>
    private sealed class DiscoveryErrorRunner(ScenarioTestCase testCase, string error, IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellation)
        : TestCaseRunner<ScenarioTestCase>(testCase, messageBus, aggregator, cancellation)
    {
        protected override Task<RunSummary> RunTestAsync()
        {
            var test = new XunitTest(TestCase, TestCase.DisplayName);
            var summary = new RunSummary { Total = 1, Failed = 1 };
            var delivered = MessageBus.QueueMessage(new TestStarting(test))
                && MessageBus.QueueMessage(new TestFailed(test, 0, null, [typeof(InvalidOperationException).FullName], [error], [string.Empty], [-1]))
                && MessageBus.QueueMessage(new TestFinished(test, 0, null));
            if (!delivered)
                CancellationTokenSource.Cancel();
            return Task.FromResult(summary);
        }
    }
}
