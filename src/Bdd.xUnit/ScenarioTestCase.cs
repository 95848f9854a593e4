using Bdd.xUnit.Discovery;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>
/// The test case of a generated scenario or outline row: xUnit's test case plus the display name, skip reason and
/// traits read from the feature file (<see cref="Discovery.TestCaseShape"/>; all serialized, so VSTest discovery,
/// filtering and execution agree), and dynamic skip: a <see cref="SkipScenarioException"/> is reported as Skipped with
/// its message, as Xunit.SkippableFact does.
/// </summary>
public sealed class ScenarioTestCase : XunitTestCase
{
    private static readonly TestCaseShape Unknown = new("(unknown scenario)", null, []);
    private TestCaseShape _shape = Unknown;

    /// <summary>Called by the de-serializer only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public ScenarioTestCase()
    {
    }

    internal ScenarioTestCase(
        IMessageSink diagnosticMessageSink,
        TestMethodDisplay defaultMethodDisplay,
        TestMethodDisplayOptions defaultMethodDisplayOptions,
        ITestMethod testMethod,
        object[]? testMethodArguments,
        TestCaseShape shape)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, testMethodArguments)
    {
        _shape = shape;
    }

    /// <inheritdoc />
    protected override void Initialize()
    {
        base.Initialize();
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
    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) => _shape.DisplayName;

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute)
        => _shape.SkipReason ?? base.GetSkipReason(factAttribute);

    /// <inheritdoc />
    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("BddDisplayName", _shape.DisplayName);
        data.AddValue("BddSkipReason", _shape.SkipReason);
        data.AddValue("BddTraitNames", _shape.Traits.Select(trait => trait.Key).ToArray());
        data.AddValue("BddTraitValues", _shape.Traits.Select(trait => trait.Value).ToArray());
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
        base.Deserialize(data);
    }

    /// <inheritdoc />
    public override async Task<RunSummary> RunAsync(
        IMessageSink diagnosticMessageSink,
        IMessageBus messageBus,
        object[] constructorArguments,
        ExceptionAggregator aggregator,
        CancellationTokenSource cancellationTokenSource)
    {
        var skipBus = new SkipScenarioMessageBus(messageBus);
        var summary = await base.RunAsync(diagnosticMessageSink, skipBus, constructorArguments, aggregator, cancellationTokenSource);
        if (skipBus.SkippedCount > 0)
        {
            summary.Failed -= skipBus.SkippedCount;
            summary.Skipped += skipBus.SkippedCount;
        }

        return summary;
    }
}
