using System.Reflection;
using Bdd.Generator.Tests.Support;
using Bdd.Generator.Tests.xUnit;
using Bdd.xUnit;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Bdd.Generator.Tests;

public class FeatureGeneratorTests
{
    private static GeneratorOutput RunDefault()
        => new GeneratorHarness()
            .WithFile("features/supervision/drain.feature", Features.Drain)
            .WithFile("features/budgets/budget.feature", Features.Budget)
            .WithFile("features/circuit-breaker/breaker.feature", Features.Breaker)
            .WithFile("reqnroll.json", """{ "generator": { "addNonParallelizableMarkerForTags": [ "@serial" ] } }""")
            .Run();

    [Fact]
    public void Generate_ValidFeatures_CompilesWithoutWarnings()
    {
        var output = RunDefault();

        output.GeneratorDiagnostics.Should().BeEmpty();
        output.CompilationProblems.Should().BeEmpty();
        output.HintNames.Should().BeEquivalentTo(
            "Steps.Features.Supervision.DrainFeature.g.cs",
            "Steps.Features.Budgets.BudgetAllocationFeature.g.cs",
            "Steps.Features.CircuitBreaker.CircuitBreakerFeature.g.cs",
            "Bdd.Assembly.g.cs");
    }

    [Fact]
    public void Generate_FeatureInSubFolder_ClassIsInFolderNamespaceAndNamedAfterTitle()
    {
        var assembly = RunDefault().Load();

        assembly.GetType("Steps.Features.Supervision.DrainFeature").Should().NotBeNull();
        assembly.GetType("Steps.Features.CircuitBreaker.CircuitBreakerFeature").Should().NotBeNull();
        assembly.GetType("Steps.Features.Budgets.BudgetAllocationFeature").Should().NotBeNull();
    }

    [Fact]
    public void Generate_Feature_EmbedsFileWithUriFromFeaturesFolderAndLanguage()
    {
        var type = RunDefault().Load().GetType("Steps.Features.Supervision.DrainFeature")!;

        var file = type.GetCustomAttribute<FeatureFileAttribute>()!;

        file.Uri.Should().Be("features/supervision/drain.feature");
        file.Language.Should().Be("en");
        file.Text.Should().Be(Features.Drain);
        FeatureFileAttribute.SourceOf(type).Text.Should().Be(Features.Drain);
    }

    [Fact]
    public void Generate_Feature_ClassIsFeatureTestsOfItselfWithTheGeneratedConstructor()
    {
        var type = RunDefault().Load().GetType("Steps.Features.Supervision.DrainFeature")!;

        type.BaseType!.GetGenericTypeDefinition().Should().Be(typeof(FeatureTests<>));
        type.BaseType.GetGenericArguments().Should().Equal(type);
        type.GetConstructors().Single().GetParameters().Select(p => p.ParameterType.Name)
            .Should().Equal("FeatureFixture`1", nameof(Xunit.Abstractions.ITestOutputHelper));
    }

    [Fact]
    public void Generate_Scenarios_OneMethodPerScenarioWithTitleAsDisplayName()
    {
        var type = RunDefault().Load().GetType("Steps.Features.Supervision.DrainFeature")!;

        var names = TestMethods(type).ToDictionary(m => m.Name, m => XunitTestHost.Discover(type, m.Name).Single().DisplayName);

        names.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["ADrainingPoolRefusesNewLeases"] = "A draining pool refuses new leases",
            ["ADrainedPoolReportsDrained"] = "A drained pool reports drained",
            ["NotYetSpecified"] = "Not yet specified",
            ["ALeasedPoolWaitsForItsLease"] = "A leased pool waits for its lease",
        });
        type.GetCustomAttribute<FeatureFileAttribute>()!.ScenarioMethods
            .Should().Be("ADrainingPoolRefusesNewLeases=8 ADrainedPoolReportsDrained=13 NotYetSpecified=18 ALeasedPoolWaitsForItsLease=24");
    }

    [Fact]
    public void Discover_Scenario_CarriesFeatureTraitsAndFeatureTags()
    {
        var type = RunDefault().Load().GetType("Steps.Features.Supervision.DrainFeature")!;

        var traits = XunitTestHost.Discover(type, "ADrainingPoolRefusesNewLeases").Single().Traits;

        traits["FeatureTitle"].Should().Equal("Drain");
        traits["Description"].Should().Equal("A draining pool finishes its leases and refuses new ones.");
        traits["Category"].Should().Equal("drain");
    }

    [Fact]
    public void Discover_ScenarioInRule_CarriesFeatureRuleAndScenarioTagsOnce()
    {
        var type = RunDefault().Load().GetType("Steps.Features.Supervision.DrainFeature")!;

        XunitTestHost.Discover(type, "ALeasedPoolWaitsForItsLease").Single().Traits["Category"].Should().Equal("drain", "leases", "waiting");
        XunitTestHost.Discover(type, "ADrainedPoolReportsDrained").Single().Traits["Category"].Should().Equal("drain", "slow");
    }

    [Fact]
    public void Discover_IgnoreTag_SkipsOnlyThatScenario()
    {
        var type = RunDefault().Load().GetType("Steps.Features.Supervision.DrainFeature")!;

        XunitTestHost.Discover(type, "NotYetSpecified").Single().SkipReason.Should().Be("Ignored by @ignore tag");
        XunitTestHost.Discover(type, "ADrainingPoolRefusesNewLeases").Single().SkipReason.Should().BeNull();
    }

    [Fact]
    public void Discover_Outline_OneTestCasePerExamplesRowWithValuesAndExamplesTags()
    {
        var type = RunDefault().Load().GetType("Steps.Features.Budgets.BudgetAllocationFeature")!;

        var rows = XunitTestHost.Discover(type, "BudgetAllocation")
            .Select(c => ((int)c.TestMethodArguments.Single(), c.DisplayName, string.Join(",", c.Traits["Category"]), (string?)c.SkipReason))
            .ToList();

        rows.Should().Equal(
            (13, "Budget allocation (limit: 1024, request: 1025, outcome: refused)", "budgets,serial,limits,edge", null),
            (14, "Budget allocation (limit: 1024, request: 1024, outcome: allowed)", "budgets,serial,limits,edge", null),
            (19, "Budget allocation (limit: 0, request: 1, outcome: refused)", "budgets,serial,limits,ignore", "Ignored by @ignore tag"),
            (23, "Budget allocation (limit: 10, request: 5, outcome: allowed)", "budgets,serial,limits", null));
    }

    [Fact]
    public void Generate_Outline_EmitsOneCallPerTestAndNoPerTestAttribute()
    {
        var lines = RunDefault().Source("BudgetAllocationFeature.g.cs").Split('\n').Select(line => line.Trim()).ToList();

        lines.Should().Contain("#nullable disable", "nullable analysis of thousands of generated methods costs compile time for nothing");
        var method = lines.IndexOf("public global::System.Threading.Tasks.Task BudgetAllocation(int exampleRowLine) => RunScenarioAsync(6, exampleRowLine);");
        method.Should().BeGreaterThan(0);
        lines[method - 1].Should().BeEmpty("a test method carries no attribute: discovery finds it through [FeatureFile]");
        lines.Should().Contain("\"BudgetAllocation=6\")]");
        lines.Should().NotContain(line => line.Contains("Trait") || line.Contains("DisplayName"), "what a test shows is read from the feature at discovery");
    }

    [Fact]
    public void DiscoverAssembly_GeneratedClasses_OneTestCasePerScenarioAndExamplesRow()
    {
        var assembly = RunDefault().Load();

        var cases = XunitTestHost.DiscoverAssembly(assembly);

        cases.Select(c => c.DisplayName).Should().BeEquivalentTo(
            "A draining pool refuses new leases",
            "A drained pool reports drained",
            "Not yet specified",
            "A leased pool waits for its lease",
            "Budget allocation (limit: 1024, request: 1025, outcome: refused)",
            "Budget allocation (limit: 1024, request: 1024, outcome: allowed)",
            "Budget allocation (limit: 0, request: 1, outcome: refused)",
            "Budget allocation (limit: 10, request: 5, outcome: allowed)",
            "The breaker opens after 5 failures");
        cases.Should().AllBeOfType<ScenarioTestCase>();
    }

    [Fact]
    public void DiscoverAssembly_HandWrittenFactsNextToFeatures_AreDiscoveredAsXunitDoes()
    {
        const string code = """
            namespace Steps.Checks
            {
                public sealed class HandWrittenTests
                {
                    [Xunit.Fact]
                    public void APlainFact() { }

                    [Xunit.Theory]
                    [Xunit.InlineData(1)]
                    [Xunit.InlineData(2)]
                    public void ATheory(int value) => Xunit.Assert.True(value > 0);
                }
            }
            """;
        var assembly = new GeneratorHarness().WithFile("features/breaker.feature", Features.Breaker).WithCode(code).Run().Load();

        var cases = XunitTestHost.DiscoverAssembly(assembly);

        cases.Select(c => c.DisplayName).Should().BeEquivalentTo(
            "The breaker opens after 5 failures",
            "Steps.Checks.HandWrittenTests.APlainFact",
            "Steps.Checks.HandWrittenTests.ATheory(value: 1)",
            "Steps.Checks.HandWrittenTests.ATheory(value: 2)");
    }

    [Fact]
    public void Generate_FeatureTaggedNonParallelizable_JoinsSerialCollection()
    {
        var assembly = RunDefault().Load();
        var serial = assembly.GetType("Steps.Features.Budgets.BudgetAllocationFeature")!;
        var parallel = assembly.GetType("Steps.Features.Supervision.DrainFeature")!;
        var definition = assembly.GetType("Steps.Features.NonParallelizableFeaturesCollection")!;

        serial.GetCustomAttribute<CollectionAttribute>().Should().NotBeNull();
        parallel.GetCustomAttribute<CollectionAttribute>().Should().BeNull("every other feature is its own collection");
        definition.GetCustomAttribute<CollectionDefinitionAttribute>()!.DisableParallelization.Should().BeTrue();
        var collectionName = serial.CustomAttributes.Single(a => a.AttributeType == typeof(CollectionAttribute)).ConstructorArguments[0].Value;
        var definitionName = definition.CustomAttributes.Single(a => a.AttributeType == typeof(CollectionDefinitionAttribute)).ConstructorArguments[0].Value;
        collectionName.Should().Be(definitionName);
    }

    [Fact]
    public void Generate_Always_RegistersBddTestFramework()
    {
        var attribute = RunDefault().Load().GetCustomAttribute<TestFrameworkAttribute>();

        attribute.Should().NotBeNull();
        var data = RunDefault().Load().CustomAttributes.Single(a => a.AttributeType == typeof(TestFrameworkAttribute));
        data.ConstructorArguments.Select(a => a.Value).Should().Equal("Bdd.xUnit.BddTestFramework", "Bdd.xUnit");
    }

    [Fact]
    public void Generate_MalformedFeature_ReportsBdd0001AtFileLineAndColumn()
    {
        var output = new GeneratorHarness().WithFile("features/broken.feature", Features.Malformed).Run();

        var errors = output.GeneratorDiagnostics.Where(d => d.Id == "BDD0001").ToList();
        errors.Should().NotBeEmpty();
        errors.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Error);
        var first = errors[0].Location.GetLineSpan();
        first.Path.Should().Be("/repo/features/broken.feature");
        (first.StartLinePosition.Line + 1, first.StartLinePosition.Character + 1).Should().Be((6, 5));
        errors[0].GetMessage().Should().StartWith("(6:5): expected:").And.EndWith("got 'Given orphan step'");
        output.HintNames.Should().NotContain(name => name.Contains("Broken"));
    }

    [Fact]
    public void Generate_ReqnrollJsonNotValidJson_ReportsBdd0002AtLineAndColumn()
    {
        const string json = "{\n  \"generator\": {\n    \"addNonParallelizableMarkerForTags\": [ \"serial\" ]\n    \"language\": 1\n  }\n}\n";
        var output = new GeneratorHarness()
            .WithFile("features/circuit-breaker/breaker.feature", Features.Breaker)
            .WithFile("reqnroll.json", json)
            .Run();

        var error = output.GeneratorDiagnostics.Should().ContainSingle().Subject;
        error.Id.Should().Be("BDD0002");
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        var span = error.Location.GetLineSpan();
        span.Path.Should().Be("/repo/reqnroll.json");
        (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1).Should().Be((4, 5));
        error.GetMessage().Should().Be("reqnroll.json(4,5): invalid JSON: expected ',' or '}'");
        output.HintNames.Should().Contain("Steps.Features.CircuitBreaker.CircuitBreakerFeature.g.cs", "features are still generated");
    }

    [Fact]
    public void Generate_NonParallelizableTagsNotArrayOfStrings_ReportsBdd0002AtTheValue()
    {
        const string json = "{\n  \"generator\": {\n    \"addNonParallelizableMarkerForTags\": \"@serial\"\n  }\n}\n";
        var output = new GeneratorHarness().WithFile("reqnroll.json", json).Run();

        var error = output.GeneratorDiagnostics.Should().ContainSingle().Subject;
        error.Id.Should().Be("BDD0002");
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        var span = error.Location.GetLineSpan();
        (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, span.EndLinePosition.Character + 1).Should().Be((3, 42, 51));
        error.Location.SourceSpan.Length.Should().Be("\"@serial\"".Length);
        error.GetMessage().Should().Be(
            "reqnroll.json(3,42): generator.addNonParallelizableMarkerForTags must be an array of strings, found the string \"@serial\"");
    }

    [Fact]
    public void Generate_ValidReqnrollJsonWithUnknownKeys_ReportsNoDiagnostic()
    {
        const string json = """
            {
              "$schema": "https://schemas.reqnroll.net/reqnroll-config-latest.json",
              // comments and trailing commas are accepted, as by the runtime
              "language": { "feature": "en", "binding": "en-US", },
              "runtime": { "missingOrPendingStepsOutcome": "Error", "stopAtFirstError": false },
              "generator": { "addNonParallelizableMarkerForTags": [ "serial" ], "notAKey": 1 },
              "bindingAssemblies": [],
              "formatters": { "livingDoc": { "outputFilePath": "reports/living-doc/index.html" } },
              "somethingUnknown": [ true, null, 1.5e3 ],
            }
            """;
        var output = new GeneratorHarness()
            .WithFile("features/circuit-breaker/breaker.feature", Features.Breaker)
            .WithFile("reqnroll.json", json)
            .Run();

        output.GeneratorDiagnostics.Should().BeEmpty();
        output.CompilationProblems.Should().BeEmpty();
    }

    [Fact]
    public void Generate_TwoFeaturesWithSameTitleInOneFolder_ClassNamesAreUnique()
    {
        var output = new GeneratorHarness()
            .WithFile("features/a.feature", Features.Breaker)
            .WithFile("features/b.feature", Features.Breaker)
            .Run();

        output.CompilationProblems.Should().BeEmpty();
        output.HintNames.Should().Contain(["Steps.Features.CircuitBreakerFeature.g.cs", "Steps.Features.CircuitBreakerFeature_2.g.cs"]);
    }

    [Fact]
    public void Generate_ScenarioTitlesCollidingAfterSanitising_MethodNamesAreUnique()
    {
        const string feature = """
            Feature: Names
              Scenario: Pool drains!
                Given a step
              Scenario: Pool  drains?
                Given a step
              Scenario: Source
                Given a step
              Scenario: 3 pools drain
                Given a step
              Scenario: Run scenario async
                Given a step
            """;
        var type = new GeneratorHarness().WithFile("features/names.feature", feature).Run().Load().GetType("Steps.Features.NamesFeature")!;

        TestMethods(type).Select(m => m.Name).Should().Equal("PoolDrains", "PoolDrains_2", "Source", "_3PoolsDrain", "RunScenarioAsync_2");
    }

    [Fact]
    public void Generate_FeatureTextWithQuotesBracesAndBackslashes_EmbedsTextUnchanged()
    {
        const string feature = "Feature: Quotes \"and\" {braces} \\ back\\slash\r\n  \"\"\" doc \"\"\"\r\n\r\n  Scenario: {0} \"quoted\" \\n\r\n    Given a step with \"\"\"\"\" and {{x}} and \\\"\r\n";
        var output = new GeneratorHarness().WithFile("features/quotes.feature", feature).Run();
        var type = output.Load().GetType("Steps.Features.QuotesAndBracesBackSlashFeature")!;

        type.GetCustomAttribute<FeatureFileAttribute>()!.Text.Should().Be(feature);
        XunitTestHost.Discover(type, TestMethods(type).Single().Name).Single().DisplayName.Should().Be("{0} \"quoted\" \\n");
    }

    [Fact]
    public void Generate_WithoutRootNamespace_UsesAssemblyName()
    {
        var output = new GeneratorHarness().WithRootNamespace(null).WithFile("features/breaker.feature", Features.Breaker).Run();

        output.HintNames.Should().Contain("Steps.Features.CircuitBreakerFeature.g.cs");
    }

    [Fact]
    public void Generate_IgnoredFeature_SkipsEveryScenario()
    {
        const string feature = """
            @ignore
            Feature: Later
              Scenario: One
                Given a step
              Scenario Outline: Two
                Given <x>
                Examples:
                  | x |
                  | 1 |
            """;
        var type = new GeneratorHarness().WithFile("features/later.feature", feature).Run().Load().GetType("Steps.Features.LaterFeature")!;

        TestMethods(type).SelectMany(m => XunitTestHost.Discover(type, m.Name)).Select(c => c.SkipReason)
            .Should().Equal("Ignored by @ignore tag", "Ignored by @ignore tag");
    }

    private static IEnumerable<MethodInfo> TestMethods(Type type)
        => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(Task))
            .OrderBy(m => m.MetadataToken);
}
