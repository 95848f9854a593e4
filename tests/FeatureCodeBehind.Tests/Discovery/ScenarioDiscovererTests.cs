using FeatureXunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace FeatureCodeBehind.Tests.Discovery;

/// <summary>
/// Discovery as xUnit performs it: a <see cref="ScenariosAttribute"/> method becomes one test per pickle of the
/// embedded messages, with its name, traits and feature-file line, and keeps them across serialization (discovery and
/// execution happen in different processes).
/// </summary>
public sealed class ScenarioDiscovererTests
{
    [Fact]
    public void Discover_TheShowcase_MakesOneTestPerPickleInPickleOrder()
    {
        var tests = Discover(nameof(Showcase.Scenario));

        tests.Select(t => t.DisplayName).Should().Equal(
            "A plain scenario with a data table", "Add 1 and 2", "Add 100 and 200", "Add 500 and 500", "A doc string is stored verbatim");
        tests.Select(t => t.TestMethodArguments.Single()).Should().Equal(0, 1, 2, 3, 4);
        tests.Select(t => t.UniqueID).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Discover_EachTest_CarriesItsTagsAndTitlesAsTraits()
    {
        var row = Discover(nameof(Showcase.Scenario))[2];

        row.Traits["Category"].Should().Equal("showcase", "serial", "outline", "large");
        row.Traits["FeatureTitle"].Should().Equal("Showcase of every construct");
        row.Traits["Description"].Should().Equal("Add <a> and <b>");
    }

    [Fact]
    public void Discover_EachTest_NavigatesToItsScenarioInTheFeatureFile()
    {
        var tests = Discover(nameof(Showcase.Scenario));

        tests.Select(t => t.SourceInformation.FileName).Distinct().Should().Equal("/repo/features/golden/showcase.feature");
        tests.Select(t => t.SourceInformation.LineNumber).Should().Equal(10, 25, 30, 31, 39);
    }

    [Fact]
    public void Serialize_ATest_KeepsWhatItShows()
    {
        var test = Discover(nameof(Showcase.Scenario))[4];

        var copy = SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(test));

        copy.Should().BeOfType<ScenarioTestCase>();
        copy.DisplayName.Should().Be("A doc string is stored verbatim");
        copy.Traits["Category"].Should().Equal("showcase", "serial", "rule-tag", "doc");
        copy.SourceInformation.LineNumber.Should().Be(39);
        copy.TestMethodArguments.Should().Equal(4);
        copy.UniqueID.Should().Be(test.UniqueID);
    }

    [Fact]
    public void Discover_MissingMessages_IsOneFailingTestThatSaysWhy()
    {
        var tests = Discover(nameof(Showcase.Missing));

        tests.Should().ContainSingle().Which.Should().BeOfType<ExecutionErrorTestCase>()
            .Which.ErrorMessage.Should().Contain("no embedded resource 'features/golden/missing.feature.ndjson'");
    }

    private static List<IXunitTestCase> Discover(string method)
    {
        var info = typeof(Showcase).GetMethod(method)!;
        var assembly = new TestAssembly(Reflector.Wrap(typeof(Showcase).Assembly));
        var testMethod = new TestMethod(new TestClass(new TestCollection(assembly, null, "showcase"), Reflector.Wrap(typeof(Showcase))), Reflector.Wrap(info));
        var attribute = Reflector.Wrap(info.CustomAttributes.Single(a => a.AttributeType == typeof(ScenariosAttribute)));
        return new ScenarioDiscoverer(new NullMessageSink()).Discover(new DiscoveryOptions(), testMethod, attribute).ToList();
    }

    /// <summary>A code-behind as the tool writes it, over the golden showcase's embedded messages. Internal, so xUnit itself does not run it.</summary>
#pragma warning disable xUnit1000 // deliberately not public: xUnit must not discover it as a test class of this project
    internal sealed class Showcase
    {
        [Scenarios("features/golden/showcase.feature.ndjson", "/repo/features/golden/showcase.feature")]
        public Task Scenario(int pickle) => Task.FromResult(pickle);

        [Scenarios("features/golden/missing.feature.ndjson", "/repo/features/golden/missing.feature")]
        public Task Missing(int pickle) => Task.FromResult(pickle);
    }
#pragma warning restore xUnit1000

    /// <summary>xUnit's default discovery options (what <c>TestFrameworkOptions.ForDiscovery()</c> gives a runner).</summary>
    private sealed class DiscoveryOptions : ITestFrameworkDiscoveryOptions
    {
        private readonly Dictionary<string, object?> _values = [];

        public TValue GetValue<TValue>(string name) => _values.TryGetValue(name, out var value) ? (TValue)value! : default!;

        public void SetValue<TValue>(string name, TValue value) => _values[name] = value;
    }
}
