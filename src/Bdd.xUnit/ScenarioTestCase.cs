using Xunit.Abstractions;
using Xunit.Sdk;

namespace Bdd.xUnit;

/// <summary>
/// The test case of a generated scenario or outline row: xUnit's test case plus a per-row display name, skip
/// reason and Category traits (all serialized, so VSTest discovery, filtering and execution agree), and dynamic
/// skip: a <see cref="SkipScenarioException"/> is reported as Skipped with its message, as Xunit.SkippableFact does.
/// </summary>
public sealed class ScenarioTestCase : XunitTestCase
{
    private const string CategoryTrait = "Category";
    private ScenarioRow _row = ScenarioRow.None;

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
        ScenarioRow row)
        : base(diagnosticMessageSink, defaultMethodDisplay, defaultMethodDisplayOptions, testMethod, testMethodArguments)
    {
        _row = row;
    }

    /// <summary>The Category trait values this test case adds to its method's (an outline row's Examples tags).</summary>
    public IReadOnlyList<string> RowCategories => _row.Categories;

    /// <inheritdoc />
    protected override void Initialize()
    {
        base.Initialize();
        if (_row.Categories.Count == 0)
        {
            return;
        }

        if (!Traits.TryGetValue(CategoryTrait, out var values))
        {
            values = [];
            Traits[CategoryTrait] = values;
        }

        foreach (var category in _row.Categories)
        {
            if (!values.Contains(category, StringComparer.Ordinal))
            {
                values.Add(category);
            }
        }
    }

    /// <inheritdoc />
    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName)
        => _row.DisplayName ?? base.GetDisplayName(factAttribute, displayName);

    /// <inheritdoc />
    protected override string GetSkipReason(IAttributeInfo factAttribute)
        => _row.SkipReason ?? base.GetSkipReason(factAttribute);

    /// <inheritdoc />
    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("BddDisplayName", _row.DisplayName);
        data.AddValue("BddSkipReason", _row.SkipReason);
        data.AddValue("BddCategories", string.Join("\n", _row.Categories));
    }

    /// <inheritdoc />
    public override void Deserialize(IXunitSerializationInfo data)
    {
        // The row first: the base may initialize (display name, skip, traits) while deserializing.
        var categories = data.GetValue<string?>("BddCategories");
        _row = new ScenarioRow(
            data.GetValue<string?>("BddDisplayName"),
            data.GetValue<string?>("BddSkipReason"),
            string.IsNullOrEmpty(categories) ? [] : categories.Split('\n'));
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
