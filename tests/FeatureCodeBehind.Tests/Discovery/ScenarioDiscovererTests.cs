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
        var tests = DiscoverAll();

        tests.Select(t => t.DisplayName).Should().Equal(
            "A plain scenario with a data table", "Add 1 and 2", "Add 100 and 200", "Add 500 and 500", "A doc string is stored verbatim");
        tests.Select(t => t.TestMethodArguments.Single()).Should().Equal(0, 1, 2, 3, 4);
        tests.Select(t => t.UniqueID).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Discover_EachTest_IsItsScenariosMethod_AsReqnrollXunitNamesIt()
    {
        var tests = DiscoverAll();

        tests.Select(t => $"{t.TestMethod.TestClass.Class.Name}.{t.TestMethod.Method.Name}").Should().Equal(
            new[] { "APlainScenarioWithADataTable", "AddAAndB", "AddAAndB", "AddAAndB", "ADocStringIsStoredVerbatim" }.Select(name => typeof(Showcase).FullName + "." + name),
            "runners make the fully qualified name of a test of its class and its method's name");
        tests.Select(t => t.Method.ToRuntimeMethod()).Should().AllSatisfy(m => m.Should().BeSameAs(typeof(Showcase).GetMethod(nameof(Showcase.Scenario))), "every test runs the one generated method");
    }

    [Fact]
    public void Discover_NamesThatDoNotMatchThePickles_IsOneFailingTestThatSaysWhy()
    {
        var tests = Discover(typeof(Short), nameof(Short.Scenario), null);

        tests.Should().ContainSingle().Which.Should().BeOfType<ExecutionErrorTestCase>()
            .Which.ErrorMessage.Should().Contain("names 1 pickles, its messages have 5; rebuild the project");
    }

    [Theory]
    [InlineData("/repo/features/golden/showcase.feature:10", null, null, new[] { 0 })]
    [InlineData("/repo/features/golden/showcase.feature:13", null, null, new[] { 0 })]
    [InlineData("/repo/features/golden/showcase.feature:17", null, null, new[] { 1, 2, 3 })]
    [InlineData("/repo/features/golden/showcase.feature:19", null, null, new[] { 1, 2, 3 })]
    [InlineData("/repo/features/golden/showcase.feature:27", null, null, new[] { 2, 3 })]
    [InlineData("/repo/features/golden/showcase.feature:29", null, null, new[] { 2, 3 })]
    [InlineData("/repo/features/golden/showcase.feature:30", null, null, new[] { 2 })]
    [InlineData("/repo/features/golden/showcase.feature:31", null, null, new[] { 3 })]
    [InlineData("/repo/features/golden/showcase.feature:44", null, null, new[] { 4 })]
    [InlineData("/repo/features/golden/showcase.feature:7", null, null, new int[0])]
    [InlineData("/repo/features/golden/other.feature:10", null, null, new int[0])]
    [InlineData("/repo/features/golden/showcase.feature", null, null, new[] { 0, 1, 2, 3, 4 })]
    [InlineData("/repo/features/golden/showcase.feature:10\n/repo/features/golden/showcase.feature:31", null, null, new[] { 0, 3 })]
    [InlineData(null, "ADD 1 and", null, new[] { 1 })]
    [InlineData(null, "add 1", null, new[] { 1, 2 })]
    [InlineData("/repo/features/golden/showcase.feature:17", "500", null, new[] { 3 })]
    public void Discover_ASelection_KeepsExactlyTheSelectedPickles(string? lines, string? name, string? shard, int[] expected)
    {
        var selection = ScenarioSelection.Parse(lines?.Replace("\\n", "\n", StringComparison.Ordinal), name, shard);

        DiscoverAll(selection).Select(t => (int)t.TestMethodArguments.Single()).Should().Equal(expected);
    }

    [Fact]
    public void Discover_Shards_HoldEveryPickleExactlyOnce()
    {
        var shards = Enumerable.Range(1, 3).Select(k => DiscoverAll(ScenarioSelection.Parse(null, null, $"{k}/3"))
            .Select(t => (int)t.TestMethodArguments.Single()).ToArray()).ToArray();

        shards.SelectMany(s => s).Should().BeEquivalentTo([0, 1, 2, 3, 4]);
        shards.Should().OnlyContain(s => s.Length < 5, "a shard is part of the scenarios (this split is fixed by the stable ids)");
    }

    [Fact]
    public void Discover_EachTest_CarriesItsTagsAndTitlesAsTraits()
    {
        var row = DiscoverAll()[2];

        row.Traits["Category"].Should().Equal("showcase", "serial", "outline", "large");
        row.Traits["FeatureTitle"].Should().Equal("Showcase of every construct");
        row.Traits["Description"].Should().Equal("Add <a> and <b>");
    }

    [Fact]
    public void Discover_EachTest_NavigatesToItsScenarioInTheFeatureFile()
    {
        var tests = DiscoverAll();

        tests.Select(t => t.SourceInformation.FileName).Distinct().Should().Equal("/repo/features/golden/showcase.feature");
        tests.Select(t => t.SourceInformation.LineNumber).Should().Equal(10, 25, 30, 31, 39);
    }

    [Fact]
    public void Serialize_ATest_KeepsWhatItShows()
    {
        var test = DiscoverAll()[4];

        var copy = SerializationHelper.Deserialize<IXunitTestCase>(SerializationHelper.Serialize(test));

        copy.Should().BeOfType<ScenarioTestCase>();
        copy.DisplayName.Should().Be("A doc string is stored verbatim");
        copy.Traits["Category"].Should().Equal("showcase", "serial", "rule-tag", "doc");
        copy.SourceInformation.LineNumber.Should().Be(39);
        copy.TestMethodArguments.Should().Equal(4);
        copy.UniqueID.Should().Be(test.UniqueID);
        copy.TestMethod.Method.Name.Should().Be("ADocStringIsStoredVerbatim", "the test keeps its scenario's method name");
        copy.Method.ToRuntimeMethod().Name.Should().Be(nameof(Showcase.Scenario), "and runs the generated method");
    }

    [Fact]
    public void Discover_MissingMessages_IsOneFailingTestThatSaysWhy()
    {
        var tests = Discover(typeof(Missing), nameof(Missing.Scenario), null);

        tests.Should().ContainSingle().Which.Should().BeOfType<ExecutionErrorTestCase>()
            .Which.ErrorMessage.Should().Contain("no embedded resource 'features/golden/missing.feature.ndjson'");
    }

    private static List<IXunitTestCase> DiscoverAll(ScenarioSelection? selection = null) => Discover(typeof(Showcase), nameof(Showcase.Scenario), selection);

    private static List<IXunitTestCase> Discover(Type type, string method, ScenarioSelection? selection)
    {
        var info = type.GetMethod(method)!;
        var assembly = new TestAssembly(Reflector.Wrap(type.Assembly));
        var testMethod = new TestMethod(new TestClass(new TestCollection(assembly, null, "showcase"), Reflector.Wrap(type)), Reflector.Wrap(info));
        var attribute = Reflector.Wrap(info.CustomAttributes.Single(a => a.AttributeType == typeof(ScenariosAttribute)));
        return new ScenarioDiscoverer(new NullMessageSink(), () => selection).Discover(new DiscoveryOptions(), testMethod, attribute).ToList();
    }

    /// <summary>A code-behind as the tool writes it, over the golden showcase's embedded messages. Internal, so xUnit itself does not run it.</summary>
#pragma warning disable xUnit1000 // deliberately not public: xUnit must not discover it as a test class of this project
    [FeatureFile("features/golden/showcase.feature.ndjson", "/repo/features/golden/showcase.feature")]
    internal sealed class Showcase
    {
        [Scenarios("APlainScenarioWithADataTable", "AddAAndB", "AddAAndB", "AddAAndB", "ADocStringIsStoredVerbatim")]
        public Task Scenario(int pickle) => Task.FromResult(pickle);
    }

    [FeatureFile("features/golden/showcase.feature.ndjson", "/repo/features/golden/showcase.feature")]
    internal sealed class Short
    {
        [Scenarios("APlainScenarioWithADataTable")]
        public Task Scenario(int pickle) => Task.FromResult(pickle);
    }

    [FeatureFile("features/golden/missing.feature.ndjson", "/repo/features/golden/missing.feature")]
    internal sealed class Missing
    {
        [Scenarios("AScenario")]
        public Task Scenario(int pickle) => Task.FromResult(pickle);
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
