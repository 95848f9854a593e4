using System.Collections.Concurrent;
using System.Reflection;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FeatureXunit;

/// <summary>
/// Turns a <see cref="ScenariosAttribute"/> method into one <see cref="ScenarioTestCase"/> per pickle, each under its own
/// method name (<see cref="ScenarioTestMethod"/>), from the
/// feature's embedded messages (<see cref="FeatureFileAttribute"/>), in pickle order, leaving out the pickles that the
/// environment's <see cref="ScenarioSelection"/> does not select. A feature whose messages cannot be read, or a selection
/// that does not parse, yields one failing test that says so, never silently no test.
/// </summary>
public sealed class ScenarioDiscoverer : IXunitTestCaseDiscoverer
{
    private static readonly ConcurrentDictionary<(Assembly, string), IReadOnlyList<ScenarioEntry>> Catalogs = new();
    private readonly IMessageSink _diagnostics;
    private readonly Func<ScenarioSelection?> _selection;

    /// <summary>A discoverer with the selection of the environment (<see cref="ScenarioSelection.FromEnvironment"/>); xUnit's constructor.</summary>
    public ScenarioDiscoverer(IMessageSink diagnosticMessageSink)
        : this(diagnosticMessageSink, ScenarioSelection.FromEnvironment)
    {
    }

    internal ScenarioDiscoverer(IMessageSink diagnosticMessageSink, Func<ScenarioSelection?> selection)
    {
        _diagnostics = diagnosticMessageSink;
        _selection = selection;
    }

    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(factAttribute);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        var feature = testMethod.TestClass.Class.GetCustomAttributes(typeof(FeatureFileAttribute).AssemblyQualifiedName!).SingleOrDefault();
        var featurePath = feature?.GetNamedArgument<string>(nameof(FeatureFileAttribute.FeaturePath)) ?? testMethod.TestClass.Class.Name;
        IReadOnlyList<ScenarioEntry> catalog;
        ScenarioSelection? selection;
        try
        {
            var resource = feature?.GetNamedArgument<string>(nameof(FeatureFileAttribute.MessagesResource))
                ?? throw new InvalidOperationException($"{testMethod.TestClass.Class.Name} has no [FeatureFile]; rebuild the project");
            var assembly = testMethod.TestClass.Class.ToRuntimeType().Assembly;
            catalog = Catalogs.GetOrAdd((assembly, resource), key => Read(key.Item1, key.Item2));
            selection = _selection();
        }
        catch (System.Exception error) when (error is InvalidOperationException or IOException or System.Text.Json.JsonException or FormatException)
        {
            return [new ExecutionErrorTestCase(_diagnostics, display, displayOptions, testMethod,
                $"The scenarios of {featurePath} cannot be discovered: {error.Message}")];
        }

        var names = factAttribute.GetNamedArgument<IReadOnlyList<string>>(nameof(ScenariosAttribute.Names));
        if (names.Count != catalog.Count)
        {
            return [new ExecutionErrorTestCase(_diagnostics, display, displayOptions, testMethod,
                $"The scenarios of {featurePath} cannot be discovered: {testMethod.Method.Name} names {names.Count} pickles, its messages have {catalog.Count}; rebuild the project")];
        }

        return Enumerable.Range(0, names.Count).Where(pickle => selection?.Includes(catalog[pickle], featurePath) ?? true)
            .Select(pickle => (IXunitTestCase)new ScenarioTestCase(
                _diagnostics, display, displayOptions, new ScenarioTestMethod(testMethod, names[pickle]), pickle, catalog[pickle], featurePath))
            .ToArray();
    }

    private static IReadOnlyList<ScenarioEntry> Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"the test assembly has no embedded resource '{resource}'; rebuild the project");
        using var reader = new StreamReader(stream);
        var envelopes = new List<Envelope>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            envelopes.Add(NdjsonSerializer.Deserialize(line));
        }

        var document = envelopes.Select(e => e.GherkinDocument).OfType<GherkinDocument>().SingleOrDefault()
            ?? throw new InvalidOperationException($"'{resource}' holds no GherkinDocument");
        return ScenarioCatalog.Build(document, envelopes.Select(e => e.Pickle).OfType<Pickle>().ToArray());
    }
}
