using System.Collections.Concurrent;
using System.Reflection;
using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.PayloadProcessing;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FeatureXunit;

/// <summary>
/// Turns a <see cref="ScenariosAttribute"/> method into one <see cref="ScenarioTestCase"/> per pickle of the feature's
/// embedded messages, in pickle order. A feature whose messages cannot be read yields one failing test that says so,
/// never silently no test.
/// </summary>
public sealed class ScenarioDiscoverer(IMessageSink diagnosticMessageSink) : IXunitTestCaseDiscoverer
{
    private static readonly ConcurrentDictionary<(Assembly, string), IReadOnlyList<ScenarioEntry>> Catalogs = new();

    /// <inheritdoc />
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        ArgumentNullException.ThrowIfNull(discoveryOptions);
        ArgumentNullException.ThrowIfNull(testMethod);
        ArgumentNullException.ThrowIfNull(factAttribute);
        var arguments = factAttribute.GetConstructorArguments().Cast<string>().ToArray();
        var (resource, featurePath) = (arguments[0], arguments[1]);
        var display = discoveryOptions.MethodDisplayOrDefault();
        var displayOptions = discoveryOptions.MethodDisplayOptionsOrDefault();
        IReadOnlyList<ScenarioEntry> catalog;
        try
        {
            var assembly = testMethod.TestClass.Class.ToRuntimeType().Assembly;
            catalog = Catalogs.GetOrAdd((assembly, resource), key => Read(key.Item1, key.Item2));
        }
        catch (System.Exception error) when (error is InvalidOperationException or IOException or System.Text.Json.JsonException)
        {
            return [new ExecutionErrorTestCase(diagnosticMessageSink, display, displayOptions, testMethod,
                $"The scenarios of {featurePath} cannot be discovered: {error.Message}")];
        }

        return catalog.Select((entry, pickle) =>
            (IXunitTestCase)new ScenarioTestCase(diagnosticMessageSink, display, displayOptions, testMethod, pickle, entry, featurePath)).ToArray();
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
